//! The instruction sequence the code generator emits: real and pseudo
//! instructions, each with its source location, and labels that jumps and
//! `SETUP_*` pseudo-instructions point at. The flow-graph pass
//! ([`super::assemble`]) turns it into `co_code`.

use crate::bytecode::location_table::Location;
use crate::bytecode::{AnyOpcode, Opcode, PseudoOpcode};

/// A jump target: an index into [`InstrSeq::labels`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

/// One instruction before assembly.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    /// The opcode (pseudo instructions are resolved by the assembler).
    pub op: AnyOpcode,
    /// The oparg (ignored for jumps, which use `target`).
    pub arg: u32,
    /// For jumps, `FOR_ITER`, `SEND`, `END_ASYNC_FOR` and `SETUP_*`: where
    /// they go.
    pub target: Option<Label>,
    /// Where in the source the instruction comes from.
    pub loc: Location,
}

impl Instr {
    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        match self.op {
            AnyOpcode::Real(op) => op.is_scope_exit() || op.is_unconditional_jump(),
            AnyOpcode::Pseudo(op) => {
                matches!(op, PseudoOpcode::JUMP | PseudoOpcode::JUMP_NO_INTERRUPT)
            }
        }
    }

    /// Whether the instruction is a `SETUP_*` pseudo-instruction.
    pub fn is_setup(&self) -> bool {
        matches!(
            self.op,
            AnyOpcode::Pseudo(
                PseudoOpcode::SETUP_FINALLY
                    | PseudoOpcode::SETUP_CLEANUP
                    | PseudoOpcode::SETUP_WITH
            )
        )
    }

    /// Whether the instruction is the real opcode `op`.
    pub fn is(&self, op: Opcode) -> bool {
        self.op == AnyOpcode::Real(op)
    }
}

/// A linear sequence of instructions with labels bound to positions.
#[derive(Clone, Debug, Default)]
pub(crate) struct InstrSeq {
    /// The instructions in emission order.
    pub instrs: Vec<Instr>,
    /// For each label, the index of the instruction it precedes, once bound.
    pub labels: Vec<Option<usize>>,
}

impl InstrSeq {
    /// A fresh, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label.0 as usize) {
            *slot = Some(self.instrs.len());
        }
    }

    /// Appends an instruction.
    pub fn push(&mut self, instr: Instr) {
        self.instrs.push(instr);
    }
}
