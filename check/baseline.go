package check

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Baseline is a set of accepted findings: with a baseline, a run fails
// only on findings that are not in it. Findings are recognised by their
// fingerprint (rule, term, matched texts and the segment's matching key),
// which survives edits that only move text to other lines.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding; only Fingerprint is compared,
// the rest is there for people reading the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

// NewBaseline records every finding of r.
func NewBaseline(r *Report) *Baseline {
	b := &Baseline{Version: 1, Findings: []BaselineEntry{}}
	for _, f := range r.Findings() {
		l := f.primary()
		e := BaselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Message: f.Message}
		if l != nil {
			e.Path, e.Line = pathKey(l.Path), l.Line
		}
		b.Findings = append(b.Findings, e)
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		if b.Findings[i].Path != b.Findings[j].Path {
			return b.Findings[i].Path < b.Findings[j].Path
		}
		return b.Findings[i].Line < b.Findings[j].Line
	})
	return b
}

// ReadBaseline reads a baseline file written by [Baseline.WriteFile].
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			line := 1
			for _, c := range data[:min(int(se.Offset), len(data))] {
				if c == '\n' {
					line++
				}
			}
			return nil, fmt.Errorf("%s:%d: not a tolmach baseline: %w", path, line, err)
		}
		return nil, fmt.Errorf("%s: not a tolmach baseline: %w", path, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d, want 1", path, b.Version)
	}
	return &b, nil
}

// WriteFile writes the baseline atomically: to a temporary file in the
// same directory, renamed over path.
func (b *Baseline) WriteFile(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, append(data, '\n'))
}

// Filter removes from r the findings the baseline accepts and returns how
// many it removed. Fingerprints are counted, so a finding that occurs
// once more than in the baseline is still reported.
func (b *Baseline) Filter(r *Report) int {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	removed := 0
	for _, res := range r.Results {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if left[f.Fingerprint] > 0 {
				left[f.Fingerprint]--
				removed++
				continue
			}
			kept = append(kept, f)
		}
		res.Findings = kept
	}
	return removed
}

// WriteFileAtomic writes data to path through a temporary file in the
// same directory renamed over it, so a reader never sees half a file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_ = f.Chmod(0o644) // CreateTemp makes it 0600; a report is for everyone
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
