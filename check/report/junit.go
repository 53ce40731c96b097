package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"tolmach/check"
)

func init() { register("junit", writeJUnit) }

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name      string      `xml:"name,attr"`
		Tests     int         `xml:"tests,attr"`
		Failures  int         `xml:"failures,attr"`
		Errors    int         `xml:"errors,attr"`
		Skipped   int         `xml:"skipped,attr"`
		Cases     []junitCase `xml:"testcase"`
		SystemOut string      `xml:"system-out,omitempty"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		File      string        `xml:"file,attr,omitempty"`
		Line      int           `xml:"line,attr,omitempty"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		Error     *junitFailure `xml:"error,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// writeJUnit prints one testsuite per checked pair and, in it, one
// testcase per finding (failed) plus one passing testcase for each rule
// that found nothing, so CI dashboards show what was checked. Every
// string is stripped of the characters XML 1.0 forbids.
func writeJUnit(w io.Writer, r *check.Report, _ Options) error {
	out := junitSuites{Name: "tolmach check"}
	for _, res := range r.Results {
		suite := junitSuite{Name: sanitize(res.Source.Path + " → " + res.Target.Path)}
		byRule := map[string][]check.Finding{}
		for _, f := range res.Findings {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		for _, rule := range r.Rules {
			fs := byRule[rule.Name()]
			delete(byRule, rule.Name())
			if len(fs) == 0 {
				suite.Cases = append(suite.Cases, junitCase{Name: rule.Name(), Classname: "tolmach." + rule.Name()})
				continue
			}
			for _, f := range fs {
				suite.Cases = append(suite.Cases, junitCaseOf(f))
			}
		}
		for _, fs := range byRule { // rules the report was not told about
			for _, f := range fs {
				suite.Cases = append(suite.Cases, junitCaseOf(f))
			}
		}
		for _, c := range suite.Cases {
			suite.Tests++
			if c.Failure != nil {
				suite.Failures++
			}
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}
	// A pair that could not be checked is a suite with one test in error.
	for _, e := range r.Errors {
		suite := junitSuite{Name: sanitize(e.Source + " → " + e.Target), Tests: 1, Errors: 1}
		suite.Cases = []junitCase{{
			Name: "read", Classname: "tolmach.check", File: sanitize(e.Target),
			Error: &junitFailure{Message: pairErrorText(e), Type: "not checked", Text: pairErrorText(e)},
		}}
		out.Tests++
		out.Errors++
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitCaseOf(f check.Finding) junitCase {
	loc := annotated(&f)
	c := junitCase{Classname: "tolmach." + f.Rule}
	body := ""
	if loc != nil {
		c.Name = sanitize(fmt.Sprintf("%s %s:%d:%d", f.Rule, loc.Path, loc.Line, loc.Column))
		c.File, c.Line = sanitize(loc.Path), loc.Line
	}
	if f.Source != nil {
		body += fmt.Sprintf("source %s:%d:%d: %s\n", f.Source.Path, f.Source.Line, f.Source.Column, f.Source.Text)
	}
	if f.Target != nil {
		body += fmt.Sprintf("target %s:%d:%d: %s\n", f.Target.Path, f.Target.Line, f.Target.Column, f.Target.Text)
	}
	if f.Suggestion != "" {
		body += "suggestion: " + f.Suggestion + "\n"
	}
	c.Failure = &junitFailure{Message: sanitize(f.Message), Type: f.Severity.String(), Text: sanitize(body)}
	return c
}
