//! Decoding cases recorded from the reference CPython by
//! `scripts/record_decode_cases.py` (do not edit by hand).

use super::{decode_file_source, decode_source};

/// (source, Ok(value of `x`) or Err((class, message, lineno, offset)))
type Case = (
    &'static [u8],
    Result<&'static str, (&'static str, &'static str, Option<u32>, Option<i32>)>,
);

const CASES: &[Case] = &[
    (b"x = \x22\xc3\xa9\x22\x0a", Ok("\u{e9}")),
    (b"\xef\xbb\xbfx = \x22a\x22\x0a", Ok("a")),
    (b"# coding: latin-1\x0ax = \x22\xe9\x22\x0a", Ok("\u{e9}")),
    (
        b"#!/usr/bin/env python\x0a# -*- coding: iso-8859-1 -*-\x0ax = \x22\xe9\x22\x0a",
        Ok("\u{e9}"),
    ),
    (
        b"#!/bin\x0a# vim: set fileencoding=koi8-r :\x0ax = \x22\xe9\x22\x0a",
        Ok("\u{418}"),
    ),
    (b"# coding: cp1252\x0ax = \x22\x80\x22\x0a", Ok("\u{20ac}")),
    (
        b"# coding: cp1252\x0ax = \x22\x81\x22\x0a",
        Err((
            "SyntaxError",
            "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>",
            Some(0),
            None,
        )),
    ),
    (
        b"# coding: ascii\x0ax = \x22\xe9\x22\x0a",
        Err((
            "SyntaxError",
            "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)",
            Some(0),
            None,
        )),
    ),
    (
        b"# coding: foo\x0ax = 1\x0a",
        Err(("SyntaxError", "unknown encoding: foo", Some(0), None)),
    ),
    (
        b"\xef\xbb\xbf# coding: latin-1\x0ax = 1\x0a",
        Err((
            "SyntaxError",
            "encoding problem: iso-8859-1 with BOM",
            Some(1),
            Some(0),
        )),
    ),
    (
        b"\xef\xbb\xbf# coding: utf-8\x0ax = \x22\xc3\xa9\x22\x0a",
        Ok("\u{e9}"),
    ),
    (
        b"x = \x22\xff\x22\x0a",
        Err((
            "SyntaxError",
            "Non-UTF-8 code starting with '\u{5c}xff' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            Some(1),
            Some(6),
        )),
    ),
    (
        b"x = 1\x0a\x0a\x0ax = \x22\xc3\x22\x0a",
        Err((
            "SyntaxError",
            "Non-UTF-8 code starting with '\u{5c}xc3' on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            Some(4),
            Some(6),
        )),
    ),
    (
        b"x=1\x0a# coding: latin-1\x0ax = \x22\xe9\x22\x0a",
        Err((
            "SyntaxError",
            "Non-UTF-8 code starting with '\u{5c}xe9' on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            Some(3),
            Some(6),
        )),
    ),
    (
        b"\x0a# coding: latin-1\x0ax = \x22\xe9\x22\x0a",
        Ok("\u{e9}"),
    ),
    (
        b"# coding: utf-8\x0ax = \x22\xff\x22\x0a",
        Err((
            "SyntaxError",
            "Non-UTF-8 code starting with '\u{5c}xff' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            Some(2),
            Some(6),
        )),
    ),
    (
        b"x = 1\x0a\x00y\x0a",
        Err((
            "SyntaxError",
            "source code string cannot contain null bytes",
            None,
            None,
        )),
    ),
    (b"x = 1\x0d\x0ay = \x22a\x22\x0d\x0a", Ok("a")),
    (b"# coding=latin1\x0ax = \x22\xe9\x22\x0a", Ok("\u{e9}")),
    (b"  # coding: Latin-1\x0ax = \x22\xe9\x22\x0a", Ok("\u{e9}")),
    (
        b"x = 1 # coding: latin-1\x0ax = \x22\xe9\x22\x0a",
        Err((
            "SyntaxError",
            "Non-UTF-8 code starting with '\u{5c}xe9' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            Some(2),
            Some(6),
        )),
    ),
];

#[test]
fn decoding_matches_cpython() {
    for (source, expected) in CASES {
        let got = decode_source(source);
        match (expected, got) {
            (Ok(value), Ok(text)) => assert!(
                value.is_empty() || text.contains(value),
                "{source:?}: {text:?} lacks {value:?}"
            ),
            (Err((class, msg, lineno, offset)), Err(err)) => {
                assert_eq!(err.kind.class_name(), *class, "{source:?}");
                assert_eq!(err.msg, *msg, "{source:?}");
                assert_eq!(err.lineno, *lineno, "{source:?}");
                assert_eq!(
                    err.offset.filter(|_| lineno.is_some_and(|l| l > 0)),
                    offset.filter(|_| lineno.is_some_and(|l| l > 0)),
                    "{source:?}"
                );
            }
            (expected, got) => panic!("{source:?}: expected {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn newlines_are_normalised() {
    assert_eq!(
        decode_source(b"a\r\nb\rc\n").ok().as_deref(),
        Some("a\nb\nc\n")
    );
}

#[test]
fn files_report_decoding_errors_as_cpython_reads_files() {
    // Positions and messages below were observed with CPython 3.14 running
    // the same bytes as a script (see tests/programs/tokenizer_errors).
    let err = decode_file_source(b"x = 1\ny = 2 \xff\n", "f.py").unwrap_err();
    assert_eq!(err.lineno, Some(1), "a bad byte on line 2 counts as line 1");
    assert!(err.msg.contains("in file f.py on line 1"), "{}", err.msg);
    let err = decode_file_source(b"x = 1\ny = 2 \x00 abc\n", "f.py").unwrap_err();
    assert_eq!(err.msg, "source code cannot contain null bytes");
    assert_eq!((err.lineno, err.text.as_deref()), (Some(2), Some("y = 2 ")));
    let err = decode_file_source(b"# coding: ascii\nx=1\n\xc3\xa9\n", "f.py").unwrap_err();
    assert!(err.msg.contains("in position 5:"), "{}", err.msg);
    let err = decode_file_source(b"\xef\xbb\xbfx = '\xff'\n", "f.py").unwrap_err();
    assert!(
        err.msg
            .starts_with("(unicode error) 'utf-8' codec can't decode byte 0xff in position 5")
    );
}
