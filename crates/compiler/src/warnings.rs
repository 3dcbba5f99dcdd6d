//! Compile-time `SyntaxWarning`s that CPython's AST preprocessing emits
//! (`Python/ast_preprocess.c`): PEP 765's `return`, `break` and `continue`
//! in a `finally` block. The caller prints them as the `warnings` module
//! would, before the program runs.

use krait_syntax::Parsed;
use krait_syntax::ast::{Mod, Stmt, StmtKind};

/// One warning: its line and message (the category is `SyntaxWarning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// 1-based line of the statement.
    pub lineno: u32,
    /// The message, e.g. `'return' in a 'finally' block`.
    pub message: String,
}

/// The innermost enclosing construct that decides whether a control-flow
/// statement leaves a `finally` block.
#[derive(Clone, Copy)]
enum Context {
    Finally,
    Function,
    Loop,
}

/// The `SyntaxWarning`s of a module, in source order.
pub fn syntax_warnings(parsed: &Parsed) -> Vec<CompileWarning> {
    let mut out = Vec::new();
    if let Mod::Module { body, .. } = &parsed.module {
        let mut contexts = Vec::new();
        visit_body(parsed, body, &mut contexts, &mut out);
    }
    out
}

fn visit_body(
    parsed: &Parsed,
    body: &[Stmt],
    contexts: &mut Vec<Context>,
    out: &mut Vec<CompileWarning>,
) {
    for s in body {
        visit(parsed, s, contexts, out);
    }
}

fn within(
    parsed: &Parsed,
    context: Context,
    body: &[Stmt],
    contexts: &mut Vec<Context>,
    out: &mut Vec<CompileWarning>,
) {
    contexts.push(context);
    visit_body(parsed, body, contexts, out);
    contexts.pop();
}

fn warn(parsed: &Parsed, s: &Stmt, keyword: &str, out: &mut Vec<CompileWarning>) {
    out.push(CompileWarning {
        lineno: parsed.index.line_number(s.range.start),
        message: format!("'{keyword}' in a 'finally' block"),
    });
}

fn visit(parsed: &Parsed, s: &Stmt, contexts: &mut Vec<Context>, out: &mut Vec<CompileWarning>) {
    let top = contexts.last().copied();
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            within(parsed, Context::Function, &f.body, contexts, out);
        }
        StmtKind::ClassDef(c) => visit_body(parsed, &c.body, contexts, out),
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. } => {
            within(parsed, Context::Loop, body, contexts, out);
            visit_body(parsed, orelse, contexts, out);
        }
        StmtKind::If { body, orelse, .. } => {
            visit_body(parsed, body, contexts, out);
            visit_body(parsed, orelse, contexts, out);
        }
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => {
            visit_body(parsed, body, contexts, out);
        }
        StmtKind::Match { cases, .. } => {
            for case in cases {
                visit_body(parsed, &case.body, contexts, out);
            }
        }
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            visit_body(parsed, &t.body, contexts, out);
            for handler in &t.handlers {
                visit_body(parsed, &handler.body, contexts, out);
            }
            visit_body(parsed, &t.orelse, contexts, out);
            within(parsed, Context::Finally, &t.finalbody, contexts, out);
        }
        StmtKind::Return { .. } => {
            if matches!(top, Some(Context::Finally)) {
                warn(parsed, s, "return", out);
            }
        }
        StmtKind::Break => {
            if matches!(top, Some(Context::Finally)) {
                warn(parsed, s, "break", out);
            }
        }
        StmtKind::Continue => {
            if matches!(top, Some(Context::Finally)) {
                warn(parsed, s, "continue", out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(source: &str) -> Vec<(u32, String)> {
        let parsed = krait_syntax::parse_module(source.as_bytes(), "<test>").unwrap();
        syntax_warnings(&parsed)
            .into_iter()
            .map(|w| (w.lineno, w.message))
            .collect()
    }

    #[test]
    fn control_flow_leaving_finally_warns() {
        let source = "def f():\n    try:\n        pass\n    finally:\n        return 1\nfor i in x:\n    try:\n        pass\n    finally:\n        break\n";
        assert_eq!(
            lines(source),
            vec![
                (5, "'return' in a 'finally' block".to_string()),
                (10, "'break' in a 'finally' block".to_string()),
            ]
        );
    }

    #[test]
    fn control_flow_inside_nested_scopes_does_not_warn() {
        let source = "try:\n    pass\nfinally:\n    for i in x:\n        break\n    def g():\n        return 1\n";
        assert!(lines(source).is_empty());
    }
}
