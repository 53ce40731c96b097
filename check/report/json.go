package report

import (
	"io"

	"tolmach/check"
)

func init() { register("json", writeJSON) }

// jsonDoc is a document as the contract's JSON names it, with the
// encoding and format it was read in (extensions).
type jsonDoc struct {
	Path     string `json:"path"`
	Lang     string `json:"lang"`
	Encoding string `json:"encoding,omitempty"`
	Format   string `json:"format,omitempty"`
}

func docOf(d *check.Document) *jsonDoc {
	if d == nil {
		return nil
	}
	return &jsonDoc{Path: d.Path, Lang: string(d.Lang), Encoding: d.Encoding, Format: string(d.Format)}
}

type jsonPair struct {
	Source  *jsonDoc      `json:"source"`
	Target  *jsonDoc      `json:"target"`
	Summary check.Summary `json:"summary"`
}

type jsonReport struct {
	Version  int             `json:"version"`
	Source   *jsonDoc        `json:"source"`
	Target   *jsonDoc        `json:"target"`
	Summary  check.Summary   `json:"summary"`
	Findings []check.Finding `json:"findings"`
	// Pairs lists every checked pair when there are several (tolmach
	// check --pairs); Source and Target are then null.
	Pairs []jsonPair `json:"pairs,omitempty"`
	// Errors lists the pairs of a batch that could not be checked (an
	// extension of the contract): present, perhaps empty, whenever Pairs
	// is.
	Errors *[]jsonPairError `json:"errors,omitempty"`
}

// jsonPairError is a pair of a batch that could not be checked.
type jsonPairError struct {
	Source  string `json:"source"`
	Target  string `json:"target"`
	Message string `json:"message"`
}

// writeJSON prints the contract's object: for one pair exactly the shape
// of contract.md; for several (or a batch with a pair not checked),
// source and target null, a "pairs" list and an "errors" list of the
// pairs that could not be checked.
func writeJSON(w io.Writer, r *check.Report, _ Options) error {
	out := jsonReport{Version: 1, Summary: r.Summary(), Findings: r.Findings()}
	if out.Findings == nil {
		out.Findings = []check.Finding{}
	}
	if !r.Batch() && len(r.Results) == 1 {
		out.Source, out.Target = docOf(r.Results[0].Source), docOf(r.Results[0].Target)
	} else {
		out.Pairs = []jsonPair{}
		for _, res := range r.Results {
			out.Pairs = append(out.Pairs, jsonPair{docOf(res.Source), docOf(res.Target), res.Summary()})
		}
		errs := []jsonPairError{}
		for _, e := range r.Errors {
			errs = append(errs, jsonPairError{e.Source, e.Target, pairErrorText(e)})
		}
		out.Errors = &errs
	}
	return encodeIndented(w, out)
}
