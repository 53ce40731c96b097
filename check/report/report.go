package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"tolmach/check"
)

// Options tune the printers.
type Options struct {
	// Color enables ANSI colours in the text format (on a terminal).
	Color bool
	// Version is tolmach's version, for SARIF's tool metadata.
	Version string
	// All makes the text format list every finding of a pair by segment
	// even when there are more than [GroupOver]; other formats always
	// list every finding.
	All bool
}

// Printer writes a report in one format.
type Printer func(w io.Writer, r *check.Report, o Options) error

// printers maps format names to their printers; each format's file
// registers itself.
var printers = map[string]Printer{}

func register(name string, p Printer) { printers[name] = p }

// Formats returns the names of the formats, sorted.
func Formats() []string {
	var names []string
	for n := range printers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Write prints r to w in the named format.
func Write(format string, w io.Writer, r *check.Report, o Options) error {
	p, ok := printers[format]
	if !ok {
		return fmt.Errorf("unknown report format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	return p(w, r, o)
}

// InformationURI is where SARIF and HTML reports send people to read
// about the rules.
const InformationURI = "https://github.com/tolmach/tolmach#check"

// runSummary is the summary line of a whole report: the counts, and the
// pairs of a batch that could not be checked.
func runSummary(r *check.Report) string {
	line := summaryLine(r.Summary(), len(r.Results))
	if n := len(r.Errors); n == 1 {
		line += "; 1 pair not checked"
	} else if n > 1 {
		line += fmt.Sprintf("; %d pairs not checked", n)
	}
	return line
}

// pairErrorText is a pair error's message, made safe for every format.
func pairErrorText(e check.PairError) string { return sanitize(oneLine(e.Err.Error())) }

// annotated returns the location a CI annotation is attached to: the
// target side, which is the file the translator fixes, else the source.
func annotated(f *check.Finding) *check.Location {
	if f.Target != nil {
		return f.Target
	}
	return f.Source
}

// other returns the side not returned by annotated, or nil.
func other(f *check.Finding) *check.Location {
	if f.Target != nil {
		return f.Source
	}
	return nil
}

// sanitize removes the characters that are not allowed in XML 1.0 (and
// that no report format should carry): C0 controls other than tab, line
// feed and carriage return, surrogates, U+FFFE and U+FFFF.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if !xmlChar(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF && r != 0x7F ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
