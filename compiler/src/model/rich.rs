//! Rich text.
