package report

import (
	"fmt"
	"io"
	"strings"

	"tolmach/check"
)

func init() { register("github", writeGitHub) }

// GitHubEscapeData escapes the message of a GitHub Actions workflow
// command: '%', CR and LF. It is exported for the other printers of
// workflow commands (tolmach lint --format github).
func GitHubEscapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// GitHubEscapeProperty escapes a workflow command's property value (file,
// title): as data, plus ':' and ','.
func GitHubEscapeProperty(s string) string {
	s = GitHubEscapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// githubCommand maps a severity to a workflow command.
func githubCommand(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Warning:
		return "warning"
	}
	return "notice"
}

// writeGitHub prints one workflow command per finding, annotating the
// target file (else the source): GitHub shows them on the pull request.
func writeGitHub(w io.Writer, r *check.Report, _ Options) error {
	for _, f := range r.Findings() {
		loc := annotated(&f)
		if loc == nil {
			continue
		}
		msg := f.Message
		if f.Suggestion != "" {
			msg += " — " + f.Suggestion
		}
		if o := other(&f); o != nil {
			msg += fmt.Sprintf(" [source %s:%d:%d]", o.Path, o.Line, o.Column)
		}
		props := fmt.Sprintf("file=%s,line=%d,col=%d", GitHubEscapeProperty(strings.ReplaceAll(loc.Path, "\\", "/")), loc.Line, loc.Column)
		if loc.EndLine > 0 {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", loc.EndLine, loc.EndColumn)
		}
		props += ",title=" + GitHubEscapeProperty("tolmach "+f.Rule)
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubCommand(f.Severity), props, GitHubEscapeData(sanitize(msg))); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		props := fmt.Sprintf("file=%s,title=%s", GitHubEscapeProperty(strings.ReplaceAll(e.Target, "\\", "/")), GitHubEscapeProperty("tolmach check: pair not checked"))
		msg := fmt.Sprintf("%s → %s not checked: %s", e.Source, e.Target, pairErrorText(e))
		if _, err := fmt.Fprintf(w, "::error %s::%s\n", props, GitHubEscapeData(msg)); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "tolmach check: %s\n", runSummary(r))
	return err
}
