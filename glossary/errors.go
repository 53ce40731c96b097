package glossary

import (
	"errors"
	"fmt"
)

// ParseError is a malformed-input error with its position: the file, the
// 1-based line and the 1-based column (counted in characters). Its
// message has the form "FILE:LINE:COL: message", as editors and CI
// annotations expect. Err, when set, is the underlying cause.
type ParseError struct {
	File string
	Line int
	Col  int
	Msg  string
	Err  error
}

// Error returns "FILE:LINE:COL: Msg", leaving out the parts that are unknown.
func (e *ParseError) Error() string {
	pos := e.File
	if pos == "" {
		pos = "<input>"
	}
	if e.Line > 0 {
		pos += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			pos += fmt.Sprintf(":%d", e.Col)
		}
	}
	msg := e.Msg
	if e.Err != nil {
		if msg == "" {
			msg = e.Err.Error()
		} else {
			msg += ": " + e.Err.Error()
		}
	}
	return pos + ": " + msg
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrUnknownFormat is returned (wrapped) by [Load], [Parse] and [Write]
// for a format name or file kind tolmach does not know.
var ErrUnknownFormat = errors.New("unknown glossary format")

func errAt(file string, line, col int, format string, args ...any) *ParseError {
	return &ParseError{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}
