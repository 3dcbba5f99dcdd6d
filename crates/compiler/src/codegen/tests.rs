//! Unit tests of the code generator: structural checks of compiled code.

use super::*;
