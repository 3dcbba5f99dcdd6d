//! Creating the interpreter: the builtin types (bootstrapping `type` and
//! `object`), their slots and methods, the exception hierarchy, and the
//! `builtins` module.

use std::collections::HashMap;

use crate::builtins::async_generator::{ASend, AThrow, WrappedValue};
use crate::builtins::bytearray::ByteArray;
use crate::builtins::bytes::Bytes;
use crate::builtins::complex::Complex;
use crate::builtins::coroutine::CoroutineWrapper;
use crate::builtins::descriptors::{GetSetDescriptor, MemberDescriptor, Property, Super, Wrapper};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{BaseException, ExcKind};
use crate::builtins::file_io::FileObject;
use crate::builtins::function::{CellObj, Code, Function, Method, Module};
use crate::builtins::generator::Generator;
use crate::builtins::generic_alias::GenericAlias;
use crate::builtins::int::BigInt;
use crate::builtins::iterators::{DictView, NativeIter};
use crate::builtins::list::List;
use crate::builtins::mappingproxy::MappingProxy;
use crate::builtins::memoryview::MemoryView;
use crate::builtins::native::{BuiltinFunction, MethodDescriptor};
use crate::builtins::object::BareObject;
use crate::builtins::range::Range;
use crate::builtins::set::{Set, SetIterator};
use crate::builtins::singletons::Singleton;
use crate::builtins::slice::Slice;
use crate::builtins::str::Str;
use crate::builtins::template::{Interpolation, Template};
use crate::builtins::tuple::Tuple;
use crate::builtins::typing::{TypeAlias, TypeParam};
use crate::builtins::union::Union;
use crate::error::PyErr;
use crate::object::Ref;
use crate::object::heap::AllocError;
use crate::runtime::config::Config;
use crate::runtime::frame_object::FrameObject;
use crate::runtime::frame_object::locals_proxy::FrameLocalsProxy;
use crate::runtime::import::ImportState;
use crate::runtime::traceback::Traceback;
use crate::runtime::{BuiltinTypes, DEFAULT_RECURSION_LIMIT, DataStack, Vm};
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

fn make<T: crate::gc::Payload>(
    meta: &TypeRef,
    object: &TypeRef,
    name: &str,
    base_flags: u32,
) -> Result<TypeRef, AllocError> {
    let t = TypeObject::new_type::<T>(meta, name)?;
    t.as_obj().make_immortal();
    t.flags.set(base_flags);
    t.base.with(|b| *b = Some(object.clone()));
    t.set_bases(vec![object.clone()]);
    let me = t.clone();
    t.mro.with(|m| *m = vec![me, object.clone()]);
    Ok(t)
}

/// Builds the interpreter.
pub fn create() -> Result<Vm, AllocError> {
    let meta = TypeObject::new_metatype()?;
    let object = TypeObject::new_type::<BareObject>(&meta, "object")?;
    object.as_obj().make_immortal();
    object.flags.set(flags::BASETYPE);
    let me = object.clone();
    object.mro.with(|m| *m = vec![me]);
    meta.flags.set(flags::BASETYPE);
    meta.base.with(|b| *b = Some(object.clone()));
    meta.set_bases(vec![object.clone()]);
    let me = meta.clone();
    meta.mro.with(|m| *m = vec![me, object.clone()]);
    let b = flags::BASETYPE;
    let o = &object;
    let m = &meta;
    let int = make::<BigInt>(m, o, "int", b)?;
    let bool_t = make::<Singleton>(m, o, "bool", 0)?;
    {
        let me = bool_t.clone();
        bool_t.base.with(|x| *x = Some(int.clone()));
        bool_t.set_bases(vec![int.clone()]);
        bool_t
            .mro
            .with(|x| *x = vec![me, int.clone(), object.clone()]);
    }
    let float = make::<crate::builtins::float::Float>(m, o, "float", b)?;
    crate::value::register_boxing_classes(&int, &float);
    let types = BuiltinTypes {
        object: object.clone(),
        type_: meta.clone(),
        int,
        bool: bool_t,
        float,
        complex: make::<Complex>(m, o, "complex", b)?,
        none: make::<Singleton>(m, o, "NoneType", 0)?,
        not_implemented: make::<Singleton>(m, o, "NotImplementedType", 0)?,
        ellipsis: make::<Singleton>(m, o, "ellipsis", 0)?,
        str: make::<Str>(m, o, "str", b)?,
        bytes: make::<Bytes>(m, o, "bytes", b)?,
        bytearray: make::<ByteArray>(m, o, "bytearray", b)?,
        memoryview: make::<MemoryView>(m, o, "memoryview", 0)?,
        tuple: make::<Tuple>(m, o, "tuple", b)?,
        list: make::<List>(m, o, "list", b)?,
        dict: make::<Dict>(m, o, "dict", b)?,
        set: make::<Set>(m, o, "set", b)?,
        frozenset: make::<Set>(m, o, "frozenset", b)?,
        set_iterator: make::<SetIterator>(m, o, "set_iterator", 0)?,
        range: make::<Range>(m, o, "range", 0)?,
        slice: make::<Slice>(m, o, "slice", 0)?,
        function: make::<Function>(m, o, "function", 0)?,
        builtin_function: make::<BuiltinFunction>(m, o, "builtin_function_or_method", 0)?,
        method: make::<Method>(m, o, "method", 0)?,
        method_descriptor: make::<MethodDescriptor>(m, o, "method_descriptor", 0)?,
        wrapper_descriptor: make::<MethodDescriptor>(m, o, "wrapper_descriptor", 0)?,
        method_wrapper: make::<BuiltinFunction>(m, o, "method-wrapper", 0)?,
        classmethod: make::<Wrapper>(m, o, "classmethod", b)?,
        staticmethod: make::<Wrapper>(m, o, "staticmethod", b)?,
        property: make::<Property>(m, o, "property", b)?,
        code: make::<Code>(m, o, "code", 0)?,
        cell: make::<CellObj>(m, o, "cell", 0)?,
        module: make::<Module>(m, o, "module", b)?,
        traceback: make::<Traceback>(m, o, "traceback", 0)?,
        frame: make::<FrameObject>(m, o, "frame", 0)?,
        frame_locals_proxy: make::<FrameLocalsProxy>(m, o, "FrameLocalsProxy", 0)?,
        super_: make::<Super>(m, o, "super", b)?,
        seq_iterator: make::<NativeIter>(m, o, "iterator", 0)?,
        tuple_iterator: make::<NativeIter>(m, o, "tuple_iterator", 0)?,
        str_iterator: make::<NativeIter>(m, o, "str_ascii_iterator", 0)?,
        list_iterator: make::<NativeIter>(m, o, "list_iterator", 0)?,
        list_reverseiterator: make::<NativeIter>(m, o, "list_reverseiterator", 0)?,
        range_iterator: make::<NativeIter>(m, o, "range_iterator", 0)?,
        callable_iterator: make::<NativeIter>(m, o, "callable_iterator", 0)?,
        dict_keyiterator: make::<NativeIter>(m, o, "dict_keyiterator", 0)?,
        dict_valueiterator: make::<NativeIter>(m, o, "dict_valueiterator", 0)?,
        dict_itemiterator: make::<NativeIter>(m, o, "dict_itemiterator", 0)?,
        dict_reversekeyiterator: make::<NativeIter>(m, o, "dict_reversekeyiterator", 0)?,
        dict_reversevalueiterator: make::<NativeIter>(m, o, "dict_reversevalueiterator", 0)?,
        dict_reverseitemiterator: make::<NativeIter>(m, o, "dict_reverseitemiterator", 0)?,
        dict_keys: make::<DictView>(m, o, "dict_keys", 0)?,
        dict_values: make::<DictView>(m, o, "dict_values", 0)?,
        dict_items: make::<DictView>(m, o, "dict_items", 0)?,
        mappingproxy: make::<MappingProxy>(m, o, "mappingproxy", 0)?,
        enumerate: make::<NativeIter>(m, o, "enumerate", b)?,
        zip: make::<NativeIter>(m, o, "zip", b)?,
        map: make::<NativeIter>(m, o, "map", b)?,
        filter: make::<NativeIter>(m, o, "filter", b)?,
        reversed: make::<NativeIter>(m, o, "reversed", b)?,
        getset: make::<GetSetDescriptor>(m, o, "getset_descriptor", 0)?,
        member_descriptor: make::<MemberDescriptor>(m, o, "member_descriptor", 0)?,
        union: make::<Union>(m, o, "Union", 0)?,
        typevar: make::<TypeParam>(m, o, "TypeVar", 0)?,
        paramspec: make::<TypeParam>(m, o, "ParamSpec", 0)?,
        typevartuple: make::<TypeParam>(m, o, "TypeVarTuple", 0)?,
        typealias: make::<TypeAlias>(m, o, "TypeAliasType", 0)?,
        nodefault: make::<Singleton>(m, o, "NoDefaultType", 0)?,
        generic_alias: make::<GenericAlias>(m, o, "GenericAlias", b)?,
        file_io: make::<FileObject>(m, o, "FileIO", b)?,
        text_io_wrapper: make::<FileObject>(m, o, "TextIOWrapper", b)?,
        buffered_reader: make::<FileObject>(m, o, "BufferedReader", b)?,
        buffered_writer: make::<FileObject>(m, o, "BufferedWriter", b)?,
        buffered_random: make::<FileObject>(m, o, "BufferedRandom", b)?,
        generator: make::<Generator>(m, o, "generator", 0)?,
        coroutine: make::<Generator>(m, o, "coroutine", 0)?,
        coroutine_wrapper: make::<CoroutineWrapper>(m, o, "coroutine_wrapper", 0)?,
        async_generator: make::<Generator>(m, o, "async_generator", 0)?,
        async_generator_asend: make::<ASend>(m, o, "async_generator_asend", 0)?,
        async_generator_athrow: make::<AThrow>(m, o, "async_generator_athrow", 0)?,
        async_generator_wrapped_value: make::<WrappedValue>(
            m,
            o,
            "async_generator_wrapped_value",
            0,
        )?,
        template: make::<Template>(m, o, "Template", 0)?,
        interpolation: make::<Interpolation>(m, o, "Interpolation", 0)?,
        template_iterator: make::<NativeIter>(m, o, "TemplateIter", 0)?,
    };
    // The types whose instances may be weakly referenced, as in CPython.
    for t in [
        &types.type_,
        &types.set,
        &types.frozenset,
        &types.function,
        &types.builtin_function,
        &types.method,
        &types.code,
        &types.module,
        &types.memoryview,
        &types.union,
        &types.typevar,
        &types.paramspec,
        &types.typevartuple,
        &types.generic_alias,
        &types.file_io,
        &types.text_io_wrapper,
        &types.buffered_reader,
        &types.buffered_writer,
        &types.buffered_random,
        &types.generator,
        &types.coroutine,
        &types.async_generator,
    ] {
        t.flags.set(t.flags.get() | flags::WEAKREFABLE);
    }
    // What sequence, mapping and class patterns recognise.
    for t in [&types.list, &types.tuple, &types.range, &types.memoryview] {
        t.flags.set(t.flags.get() | flags::SEQUENCE);
    }
    for t in [&types.dict, &types.mappingproxy] {
        t.flags.set(t.flags.get() | flags::MAPPING);
    }
    for t in [
        &types.bool,
        &types.bytearray,
        &types.bytes,
        &types.dict,
        &types.float,
        &types.frozenset,
        &types.int,
        &types.list,
        &types.set,
        &types.str,
        &types.tuple,
    ] {
        t.flags.set(t.flags.get() | flags::MATCH_SELF);
    }
    // The exception hierarchy.
    let exceptions = crate::builtins::exceptions::create_exception_types(&meta, &object)?;
    let empty_str = Ref::new(&types.str, Str::new(""))?;
    empty_str.as_obj().make_immortal();
    let empty_tuple = Ref::new(&types.tuple, Tuple::new(Vec::new()))?;
    empty_tuple.as_obj().make_immortal();
    let not_implemented = Ref::new(&types.not_implemented, Singleton)?;
    not_implemented.as_obj().make_immortal();
    let ellipsis = Ref::new(&types.ellipsis, Singleton)?;
    ellipsis.as_obj().make_immortal();
    let memory_error = Ref::new(
        &exceptions[ExcKind::MemoryError as usize],
        BaseException::with_args(Value::from_object(empty_tuple.as_obj().clone())),
    )?;
    let builtins = Ref::new(&types.dict, Dict::default())?;
    let import = ImportState {
        modules: Ref::new(&types.dict, Dict::default())?,
        builtins_module: Ref::new(
            &types.module,
            Module {
                dict: builtins.clone(),
            },
        )?,
        builtin_modules: crate::runtime::import::registry::ENGINE_MODULES.to_vec(),
        sys_dict: None,
        default_import: Value::NONE,
        machinery: None,
    };
    let mut vm = Vm {
        types,
        exceptions,
        builtins,
        interned: HashMap::new(),
        empty_str,
        latin1_chars: vec![None; 256],
        empty_tuple,
        not_implemented_value: Value::from_object(not_implemented.into_obj()),
        ellipsis: Value::from_object(ellipsis.into_obj()),
        nodefault: Value::NONE,
        memory_error: PyErr(memory_error),
        data_stack: DataStack::new(),
        current_frame: std::ptr::null_mut(),
        recursion_depth: 0,
        recursion_limit: DEFAULT_RECURSION_LIMIT,
        native_depth: 0,
        native_stack_base: 0,
        exc_info: Value::NONE,
        repr_stack: Vec::new(),
        stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        standard_output: Value::NONE,
        module_state: HashMap::new(),
        ast_hooks: None,
        import,
        config: Config::default(),
    };
    install(&mut vm).map_err(|_| AllocError { size: 0 })?;
    Ok(vm)
}

fn install(vm: &mut Vm) -> crate::error::PyResult<()> {
    use crate::builtins as b;
    let t = &vm.types;
    b::object::init_type(&t.object);
    b::type_::init_type(&t.type_);
    b::int::init_type(&t.int);
    b::int::init_bool_type(&t.bool);
    b::float::init_type(&t.float);
    b::complex::init_type(&t.complex);
    b::str::init_type(&t.str);
    b::bytes::init_type(&t.bytes);
    b::bytearray::init_type(&t.bytearray);
    b::memoryview::init_type(&t.memoryview);
    b::tuple::init_type(&t.tuple);
    b::list::init_type(&t.list);
    b::dict::init_type(&t.dict);
    b::set::init_type(&t.set, false);
    b::set::init_type(&t.frozenset, true);
    b::set::init_iterator_type(&t.set_iterator);
    b::range::init_type(&t.range);
    b::slice::init_type(&t.slice);
    b::singletons::init_types(&t.none, &t.not_implemented, &t.ellipsis);
    b::descriptors::init_wrappers(&t.classmethod, &t.staticmethod);
    b::descriptors::init_property(&t.property);
    b::descriptors::init_super(&t.super_);
    b::descriptors::init_attribute_descriptors(&t.getset, &t.member_descriptor);
    b::mappingproxy::init_type(&t.mappingproxy);
    b::union::init_type(&t.union);
    b::generic_alias::init_type(&t.generic_alias);
    for it in [
        &t.seq_iterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.range_iterator,
        &t.callable_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ] {
        b::iterators::init_iterator_type(it);
    }
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        b::dict_view::init_type(v);
    }
    b::generator::init_types(vm);
    b::coroutine::init_wrapper_type(vm);
    b::async_generator::init_types(vm);
    b::singletons::init_callables(vm);
    b::file_io::init_types(vm);
    // Every type gets generic attribute access unless it has its own.
    let all: Vec<TypeRef> = all_types(vm);
    for ty in &all {
        if ty.slots.getattro.get().is_none() {
            ty.slots.getattro.set(Some(b::object::generic_getattr));
        }
        if ty.slots.setattro.get().is_none() {
            ty.slots.setattro.set(Some(b::object::generic_setattr));
        }
        if ty.slots.repr.get().is_none() {
            ty.slots.repr.set(Some(b::object::object_repr));
        }
        if ty.slots.richcompare.get().is_none() {
            ty.slots
                .richcompare
                .set(vm.types.object.slots.richcompare.get());
        }
        if ty.slots.hash.get().is_none()
            && !matches!(
                &*ty.name,
                "list"
                    | "dict"
                    | "set"
                    | "bytearray"
                    | "dict_keys"
                    | "dict_items"
                    | "FrameLocalsProxy"
            )
        {
            ty.slots.hash.set(vm.types.object.slots.hash.get());
        }
        if ty.slots.init.get().is_none() {
            ty.slots.init.set(vm.types.object.slots.init.get());
        }
        ty.slots.call.get().is_none().then_some(());
        ty.bump_version();
    }
    b::exceptions::init_exception_types(vm);
    crate::runtime::frame_object::init_type(vm);
    b::typing::init_types(vm);
    b::template::init_types(vm)?;
    vm.nodefault = b::typing::new_nodefault(vm).map_err(|_| vm.memory_error())?;
    // Methods.
    let types: Vec<(TypeRef, &'static [b::native::MethodDef])> = vec![
        (vm.types.object.clone(), b::object::METHODS),
        (vm.types.object.clone(), b::reduce::METHODS),
        (vm.types.union.clone(), b::union::METHODS),
        (vm.types.str.clone(), b::str::METHODS),
        (vm.types.bytes.clone(), b::byte_methods::METHODS),
        (vm.types.bytes.clone(), b::bytes::METHODS),
        (vm.types.bytearray.clone(), b::byte_methods::METHODS),
        (vm.types.bytearray.clone(), b::bytearray::METHODS),
        (vm.types.memoryview.clone(), b::memoryview::METHODS),
        (vm.types.slice.clone(), b::slice::METHODS),
        (vm.types.list.clone(), b::list::METHODS),
        (vm.types.dict.clone(), b::dict::METHODS),
        (vm.types.tuple.clone(), b::tuple::METHODS),
        (vm.types.dict_keys.clone(), b::dict_view::METHODS),
        (vm.types.dict_keys.clone(), b::dict_view::SET_LIKE_METHODS),
        (vm.types.dict_values.clone(), b::dict_view::METHODS),
        (vm.types.dict_items.clone(), b::dict_view::METHODS),
        (vm.types.dict_items.clone(), b::dict_view::SET_LIKE_METHODS),
        (vm.types.mappingproxy.clone(), b::mappingproxy::METHODS),
        (
            vm.types.frame.clone(),
            crate::runtime::frame_object::FRAME_METHODS,
        ),
        (
            vm.types.frame_locals_proxy.clone(),
            crate::runtime::frame_object::locals_proxy::METHODS,
        ),
        (vm.types.set.clone(), b::set::SHARED_METHODS),
        (vm.types.set.clone(), b::set::METHODS),
        (vm.types.frozenset.clone(), b::set::SHARED_METHODS),
        (vm.types.int.clone(), b::int::METHODS),
        (vm.types.float.clone(), b::float::METHODS),
        (vm.types.complex.clone(), b::complex::METHODS),
        (vm.types.range.clone(), b::range::METHODS),
        (vm.types.file_io.clone(), b::file_io::METHODS),
        (vm.types.file_io.clone(), b::file_io::FILE_IO_METHODS),
        (vm.types.text_io_wrapper.clone(), b::file_io::METHODS),
        (vm.types.buffered_reader.clone(), b::file_io::METHODS),
        (vm.types.buffered_writer.clone(), b::file_io::METHODS),
        (vm.types.buffered_random.clone(), b::file_io::METHODS),
        (vm.types.property.clone(), b::descriptors::PROPERTY_METHODS),
        (vm.types.super_.clone(), b::descriptors::SUPER_METHODS),
        (vm.types.generator.clone(), b::generator::GENERATOR_METHODS),
        (vm.types.coroutine.clone(), b::generator::COROUTINE_METHODS),
        (
            vm.types.coroutine_wrapper.clone(),
            b::coroutine::WRAPPER_METHODS,
        ),
        (
            vm.types.async_generator.clone(),
            b::async_generator::ASYNC_GENERATOR_METHODS,
        ),
        (
            vm.types.async_generator_asend.clone(),
            b::async_generator::ASEND_METHODS,
        ),
        (
            vm.types.async_generator_athrow.clone(),
            b::async_generator::ATHROW_METHODS,
        ),
        (vm.types.type_.clone(), b::type_::METHODS),
        (vm.types.code.clone(), b::function::CODE_METHODS),
        (vm.types.typevar.clone(), b::typing::PARAM_METHODS),
        (vm.types.paramspec.clone(), b::typing::PARAM_METHODS),
        (vm.types.typevartuple.clone(), b::typing::PARAM_METHODS),
        (vm.types.generic_alias.clone(), b::generic_alias::METHODS),
        (vm.types.template.clone(), b::template::TEMPLATE_METHODS),
        (
            vm.types.interpolation.clone(),
            b::template::INTERPOLATION_METHODS,
        ),
    ];
    for (ty, methods) in types {
        vm.add_methods(&ty, methods)?;
    }
    let getsets: Vec<(TypeRef, &'static [b::descriptors::GetSetDef])> = vec![
        (vm.types.object.clone(), b::object::GETSETS),
        (vm.types.type_.clone(), b::type_::GETSETS),
        (vm.types.function.clone(), b::function::FUNCTION_GETSETS),
        (vm.types.code.clone(), b::function::CODE_GETSETS),
        (vm.types.cell.clone(), b::function::CELL_GETSETS),
        (vm.types.method.clone(), b::function::METHOD_GETSETS),
        (vm.types.property.clone(), b::descriptors::PROPERTY_GETSETS),
        (
            vm.types.classmethod.clone(),
            b::descriptors::WRAPPER_GETSETS,
        ),
        (
            vm.types.staticmethod.clone(),
            b::descriptors::WRAPPER_GETSETS,
        ),
        (vm.types.super_.clone(), b::descriptors::SUPER_GETSETS),
        (
            vm.types.member_descriptor.clone(),
            b::descriptors::MEMBER_GETSETS,
        ),
        (vm.types.getset.clone(), b::descriptors::GETSET_GETSETS),
        (vm.types.int.clone(), b::int::GETSETS),
        (vm.types.slice.clone(), b::slice::GETSETS),
        (vm.types.range.clone(), b::range::GETSETS),
        (
            vm.types.builtin_function.clone(),
            b::native::BUILTIN_FUNCTION_GETSETS,
        ),
        (
            vm.types.method_wrapper.clone(),
            b::native::METHOD_WRAPPER_GETSETS,
        ),
        (
            vm.types.method_descriptor.clone(),
            b::native::METHOD_DESCRIPTOR_GETSETS,
        ),
        (
            vm.types.wrapper_descriptor.clone(),
            b::native::METHOD_DESCRIPTOR_GETSETS,
        ),
        (vm.types.float.clone(), b::float::GETSETS),
        (vm.types.complex.clone(), b::complex::GETSETS),
        (vm.types.union.clone(), b::union::GETSETS),
        (
            vm.types.traceback.clone(),
            crate::runtime::traceback::TRACEBACK_GETSETS,
        ),
        (
            vm.types.frame.clone(),
            crate::runtime::frame_object::FRAME_GETSETS,
        ),
        (vm.types.typevar.clone(), b::typing::PARAM_GETSETS),
        (vm.types.paramspec.clone(), b::typing::PARAM_GETSETS),
        (vm.types.typevartuple.clone(), b::typing::PARAM_GETSETS),
        (vm.types.typealias.clone(), b::typing::ALIAS_GETSETS),
        (vm.types.generic_alias.clone(), b::generic_alias::GETSETS),
        (vm.types.template.clone(), b::template::TEMPLATE_GETSETS),
        (
            vm.types.interpolation.clone(),
            b::template::INTERPOLATION_GETSETS,
        ),
    ];
    for (ty, defs) in getsets {
        vm.add_getsets(&ty, defs)?;
    }
    b::exceptions::install_exception_attributes(vm)?;
    for ty in [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.type_.clone(),
        vm.types.enumerate.clone(),
        vm.types.template.clone(),
        vm.types.interpolation.clone(),
    ] {
        vm.add_methods(&ty, std::slice::from_ref(&b::generic_alias::CLASS_GETITEM))?;
    }
    let all = all_types(vm);
    b::slot_wrappers::install(vm, &all)?;
    b::type_::install_new_wrappers(vm, &all)?;
    vm.types.generic_alias.builtin_module.set(Some("types"));
    for t in [
        &vm.types.union,
        &vm.types.typevar,
        &vm.types.paramspec,
        &vm.types.typevartuple,
        &vm.types.typealias,
        &vm.types.nodefault,
    ] {
        t.builtin_module.set(Some("typing"));
    }
    // The builtins module.
    let builtins = vm.builtins.clone();
    let names: Vec<(&str, TypeRef)> = vec![
        ("object", vm.types.object.clone()),
        ("type", vm.types.type_.clone()),
        ("int", vm.types.int.clone()),
        ("bool", vm.types.bool.clone()),
        ("float", vm.types.float.clone()),
        ("complex", vm.types.complex.clone()),
        ("str", vm.types.str.clone()),
        ("bytes", vm.types.bytes.clone()),
        ("bytearray", vm.types.bytearray.clone()),
        ("memoryview", vm.types.memoryview.clone()),
        ("tuple", vm.types.tuple.clone()),
        ("list", vm.types.list.clone()),
        ("dict", vm.types.dict.clone()),
        ("set", vm.types.set.clone()),
        ("frozenset", vm.types.frozenset.clone()),
        ("range", vm.types.range.clone()),
        ("slice", vm.types.slice.clone()),
        ("classmethod", vm.types.classmethod.clone()),
        ("staticmethod", vm.types.staticmethod.clone()),
        ("property", vm.types.property.clone()),
        ("super", vm.types.super_.clone()),
        ("enumerate", vm.types.enumerate.clone()),
        ("zip", vm.types.zip.clone()),
        ("map", vm.types.map.clone()),
        ("filter", vm.types.filter.clone()),
        ("reversed", vm.types.reversed.clone()),
    ];
    for (name, ty) in names {
        let key = vm.intern(name)?;
        builtins
            .table
            .with(|t| t.insert_str(key, Value::from_object(ty.into_obj())));
    }
    for (i, (_, name, _)) in ExcKind::ALL.iter().enumerate() {
        let key = vm.intern(name)?;
        let e = vm.exceptions[i].clone();
        builtins
            .table
            .with(|t| t.insert_str(key, Value::from_object(e.into_obj())));
    }
    for (name, kind) in b::exceptions::ALIASES {
        let key = vm.intern(name)?;
        let e = vm.exc_type(*kind).clone();
        builtins
            .table
            .with(|t| t.insert_str(key, Value::from_object(e.into_obj())));
    }
    for def in b::functions::FUNCTIONS {
        // Functions that are also types (enumerate, zip, ...) stay types.
        let key = vm.intern(def.name)?;
        if builtins.table.with(|t| t.get_str(&key)).is_some() {
            continue;
        }
        let f = vm.new_builtin_function(def, None, def.name)?;
        builtins.table.with(|t| t.insert_str(key, f));
    }
    // enumerate/zip/map/filter/reversed are types whose construction is the
    // declared function.
    for (name, ty) in [
        ("enumerate", vm.types.enumerate.clone()),
        ("zip", vm.types.zip.clone()),
        ("map", vm.types.map.clone()),
        ("filter", vm.types.filter.clone()),
        ("reversed", vm.types.reversed.clone()),
    ] {
        ty.slots.new.set(Some(match name {
            "enumerate" => |vm, _c, a, k| call_function_def(vm, "enumerate", a, k),
            "zip" => |vm, _c, a, k| call_function_def(vm, "zip", a, k),
            "map" => |vm, _c, a, k| call_function_def(vm, "map", a, k),
            "filter" => |vm, _c, a, k| call_function_def(vm, "filter", a, k),
            _ => |vm, _c, a, k| call_function_def(vm, "reversed", a, k),
        }));
    }
    for (name, value) in [
        ("None", Value::NONE),
        ("True", Value::from_bool(true)),
        ("False", Value::from_bool(false)),
        ("NotImplemented", vm.not_implemented()),
        ("Ellipsis", vm.ellipsis.clone()),
    ] {
        let key = vm.intern(name)?;
        builtins.table.with(|t| t.insert_str(key, value));
    }
    install_import_system(vm, &builtins)
}

/// `__import__`, the `builtins` module in `sys.modules`, `ImportError`'s
/// constructor.
fn install_import_system(vm: &mut Vm, builtins: &Ref<Dict>) -> crate::error::PyResult<()> {
    use crate::runtime::import::bootstrap::IMPORT_FUNCTION;
    let import = vm.new_builtin_function(&IMPORT_FUNCTION, None, IMPORT_FUNCTION.name)?;
    vm.import.default_import = import.clone();
    let key = vm.intern(IMPORT_FUNCTION.name)?;
    builtins.table.with(|t| t.insert_str(key, import));
    let module = vm.import.builtins_module.clone();
    let name = vm.new_str("builtins")?;
    let doc = vm.new_str(BUILTINS_DOC)?;
    for (key, value) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::NONE),
        ("__loader__", Value::NONE),
        ("__spec__", Value::NONE),
    ] {
        let key = vm.intern(key)?;
        builtins.table.with(|t| t.insert_str(key, value));
    }
    let key = vm.intern("builtins")?;
    let modules = vm.import.modules.clone();
    modules
        .table
        .with(|t| t.insert_str(key, Value::from_object(module.into_obj())));
    Ok(())
}

/// `builtins.__doc__` (krait's own words).
const BUILTINS_DOC: &str = "The builtin functions, types, exceptions and constants of Python.";

fn call_function_def(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> crate::error::PyResult<Value> {
    let Some(def) = crate::builtins::functions::FUNCTIONS
        .iter()
        .find(|d| d.name == name)
    else {
        return Err(vm.type_error(format!("{name}: no such builtin")));
    };
    let sig = def.parse_signature();
    let bound = sig.bind(vm, name, args, kwnames)?;
    def.body.call(vm, &bound)
}

fn all_types(vm: &Vm) -> Vec<TypeRef> {
    let t = &vm.types;
    let mut v = vec![
        t.object.clone(),
        t.type_.clone(),
        t.int.clone(),
        t.bool.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.none.clone(),
        t.not_implemented.clone(),
        t.ellipsis.clone(),
        t.str.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.memoryview.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.set_iterator.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.function.clone(),
        t.builtin_function.clone(),
        t.method.clone(),
        t.method_descriptor.clone(),
        t.wrapper_descriptor.clone(),
        t.method_wrapper.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.property.clone(),
        t.code.clone(),
        t.cell.clone(),
        t.module.clone(),
        t.traceback.clone(),
        t.frame.clone(),
        t.frame_locals_proxy.clone(),
        t.super_.clone(),
        t.seq_iterator.clone(),
        t.tuple_iterator.clone(),
        t.str_iterator.clone(),
        t.list_iterator.clone(),
        t.list_reverseiterator.clone(),
        t.range_iterator.clone(),
        t.callable_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.dict_reversekeyiterator.clone(),
        t.dict_reversevalueiterator.clone(),
        t.dict_reverseitemiterator.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.mappingproxy.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
        t.getset.clone(),
        t.member_descriptor.clone(),
        t.union.clone(),
        t.typevar.clone(),
        t.paramspec.clone(),
        t.typevartuple.clone(),
        t.typealias.clone(),
        t.nodefault.clone(),
        t.generic_alias.clone(),
        t.file_io.clone(),
        t.text_io_wrapper.clone(),
        t.buffered_reader.clone(),
        t.buffered_writer.clone(),
        t.buffered_random.clone(),
        t.generator.clone(),
        t.coroutine.clone(),
        t.coroutine_wrapper.clone(),
        t.async_generator.clone(),
        t.async_generator_asend.clone(),
        t.async_generator_athrow.clone(),
        t.async_generator_wrapped_value.clone(),
        t.template.clone(),
        t.interpolation.clone(),
        t.template_iterator.clone(),
    ];
    v.extend(vm.exceptions.iter().cloned());
    v
}

impl Vm {
    /// Creates a builtin type defined outside the engine's core — a type
    /// of a native module (`sys.version_info`, `_io.TextIOWrapper`): named
    /// `name` with `__module__` `module`, a subclass of `base` (`object`
    /// when `None`) whose slots it starts from, instances carrying payload
    /// `T` (which must be `base`'s payload when `base` is not `object`),
    /// with `methods` in its dict. `flags` are [`flags`] bits; with
    /// `EXTENDED`, instances also carry an attribute dict (`HAS_DICT`) and
    /// `__slots__` values after the payload, as instances of classes do.
    pub fn new_builtin_type<T: crate::gc::Payload>(
        &mut self,
        module: &str,
        name: &str,
        base: Option<&TypeRef>,
        type_flags: u32,
        methods: &'static [crate::builtins::native::MethodDef],
    ) -> crate::error::PyResult<TypeRef> {
        let base = base.cloned().unwrap_or_else(|| self.types.object.clone());
        let meta = self.types.type_.clone();
        let mut description = TypeObject::for_payload::<T>(name);
        if type_flags & flags::EXTENDED != 0 {
            description.make_extended();
        }
        let t = Ref::new(&meta, description).map_err(|_| self.memory_error())?;
        t.as_obj().make_immortal();
        t.flags
            .set(type_flags | (base.flags.get() & flags::INHERITED_BY_MATCH));
        t.base.with(|b| *b = Some(base.clone()));
        t.set_bases(vec![base.clone()]);
        let mut mro = vec![t.clone()];
        mro.extend(base.mro.get());
        t.mro.with(|m| *m = mro);
        t.slots.inherit_from(&base.slots);
        let key = self.intern("__module__")?;
        let module = self.new_str(module)?;
        t.dict.with(|d| d.insert_str(key, module));
        self.add_methods(&t, methods)?;
        t.bump_version();
        Ok(t)
    }
}
