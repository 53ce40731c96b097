package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// The exit codes of every tolmach command: the one table, repeated in
// each command's help and in the README.
const (
	exitOK       = 0 // success; for check: no finding at or above --fail-on
	exitFindings = 1 // check (and lint) found findings at or above --fail-on
	exitFailure  = 2 // usage error, unreadable or malformed input, any other failure
)

// exitStatusHelp is the EXIT STATUS section appended to every command's help.
const exitStatusHelp = `EXIT STATUS:
   0  success (check, lint: no finding at or above --fail-on)
   1  check or lint found findings at or above --fail-on
   2  usage error, unreadable or malformed input, or any other failure`

// errFindings is returned by commands whose run succeeded but found
// problems the user asked to fail on; it maps to exit code 1 and prints
// nothing more (the report is the message).
var errFindings = errors.New("findings at or above the failure threshold")

// usageError marks an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// newUsageError returns a usage error with a formatted message.
func newUsageError(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// hintError attaches a hint for people to an error.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

// withHint returns err with a hint printed after it as "tolmach: hint: …".
func withHint(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return hintError{err: err, hint: fmt.Sprintf(format, args...)}
}

// exitCode maps an error returned by a command to its exit code and, for
// a real error, prints it to stderr as "tolmach: error: …" with any hints.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(stderr, "tolmach: error: %s\n", msg)
	var h hintError
	if errors.As(err, &h) {
		fmt.Fprintf(stderr, "tolmach: hint: %s\n", h.hint)
	}
	var u usageError
	if errors.As(err, &u) && !errors.As(err, &h) {
		fmt.Fprintf(stderr, "tolmach: hint: run 'tolmach --help' for usage\n")
	}
	return exitFailure
}
