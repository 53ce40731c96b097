package report

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"tolmach/check"
)

func init() { register("sarif", writeSARIF) }

// The SARIF 2.1.0 subset tolmach writes. Field names follow the OASIS
// schema (https://docs.oasis-open.org/sarif/sarif/v2.1.0/).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations,omitempty"`
		Results     []sarifResult     `json:"results"`
	}
	// sarifInvocation carries the pairs of a batch that could not be
	// checked, as tool execution notifications.
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level     string              `json:"level"`
		Message   sarifText           `json:"message"`
		Locations []sarifFileLocation `json:"locations,omitempty"`
	}
	sarifFileLocation struct {
		PhysicalLocation struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
		} `json:"physicalLocation"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		ShortDescription     sarifText     `json:"shortDescription"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
		HelpURI              string        `json:"helpUri,omitempty"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int        `json:"startLine"`
		StartColumn int        `json:"startColumn"`
		EndLine     int        `json:"endLine"`
		EndColumn   int        `json:"endColumn"`
		Snippet     *sarifText `json:"snippet,omitempty"`
	}
)

// sarifSchema is the schema URI SARIF consumers (GitHub code scanning
// among them) expect.
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Warning:
		return "warning"
	case check.Info:
		return "note"
	}
	return "none"
}

// sarifURI turns a path into a relative URI reference: forward slashes,
// each segment percent-encoded.
func sarifURI(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

func sarifLoc(l *check.Location, msg string) sarifLocation {
	end := l.EndColumn
	if l.EndLine == l.Line && end <= l.Column {
		end = l.Column + 1
	}
	endLine := max(l.EndLine, l.Line)
	loc := sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: sarifURI(l.Path)},
		Region: sarifRegion{
			StartLine: max(l.Line, 1), StartColumn: max(l.Column, 1),
			EndLine: max(endLine, 1), EndColumn: max(end, 1),
		},
	}}
	if l.Match != "" {
		loc.PhysicalLocation.Region.Snippet = &sarifText{Text: sanitize(l.Match)}
	}
	if msg != "" {
		loc.Message = &sarifText{Text: msg}
	}
	return loc
}

func writeSARIF(w io.Writer, r *check.Report, o Options) error {
	driver := sarifDriver{Name: "tolmach", Version: o.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for _, rule := range r.Rules {
		index[rule.Name()] = len(driver.Rules)
		sev := r.Severities[rule.Name()]
		if sev == check.Off {
			sev = rule.DefaultSeverity()
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   rule.Name(),
			ShortDescription:     sarifText{Text: rule.Description()},
			DefaultConfiguration: sarifRuleConf{Level: sarifLevel(sev)},
			HelpURI:              InformationURI,
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Findings() {
		loc := annotated(&f)
		if loc == nil {
			continue
		}
		idx, ok := index[f.Rule]
		if !ok {
			// A finding of a rule the report was not told about: add it.
			idx = len(run.Tool.Driver.Rules)
			index[f.Rule] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: f.Rule,
				ShortDescription: sarifText{Text: f.Rule}, DefaultConfiguration: sarifRuleConf{Level: sarifLevel(f.Severity)}})
		}
		msg := f.Message
		if f.Suggestion != "" {
			msg += " (" + f.Suggestion + ")"
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity),
			Message:   sarifText{Text: sanitize(msg)},
			Locations: []sarifLocation{sarifLoc(loc, "")},
		}
		id := 1
		if o := other(&f); o != nil {
			rl := sarifLoc(o, "source")
			rl.ID = &id
			res.RelatedLocations = append(res.RelatedLocations, rl)
			id++
		}
		for i := range f.Related {
			n := id
			rl := sarifLoc(&f.Related[i], "other rendering")
			rl.ID = &n
			res.RelatedLocations = append(res.RelatedLocations, rl)
			id++
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{"tolmach/v1": f.Fingerprint}
		}
		run.Results = append(run.Results, res)
	}
	if len(r.Errors) > 0 {
		inv := sarifInvocation{}
		for _, e := range r.Errors {
			n := sarifNotification{Level: "error", Message: sarifText{Text: fmt.Sprintf("%s → %s not checked: %s", e.Source, e.Target, pairErrorText(e))}}
			for _, p := range []string{e.Source, e.Target} {
				var l sarifFileLocation
				l.PhysicalLocation.ArtifactLocation.URI = sarifURI(p)
				n.Locations = append(n.Locations, l)
			}
			inv.Notifications = append(inv.Notifications, n)
		}
		run.Invocations = []sarifInvocation{inv}
	}
	return encodeIndented(w, sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}
