package check

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"slices"
	"strings"
	"sync"

	"tolmach/internal/lang"
)

// Finding is one problem the checker found, in the JSON shape of
// contract.md. Source or Target is nil where the finding has no side
// there (a segment-extra finding has no source); Related is never nil.
type Finding struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Source   *Location `json:"source"`
	Target   *Location `json:"target"`
	Term     *TermRef  `json:"term"`
	// Related lists the other locations of a term-inconsistent or
	// term-drift finding.
	Related []Location `json:"related"`
	// Suggestion says how to fix the finding (an extension of the
	// contract's shape).
	Suggestion string `json:"suggestion,omitempty"`
	// Fingerprint identifies the finding across edits that shift lines,
	// for baselines (an extension of the contract's shape).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Unit is the index of the aligned unit the finding belongs to, or -1;
	// reports group findings by it.
	Unit int `json:"-"`
}

// Location is a place in a checked file: where a finding's segment is and
// what in it matched.
type Location struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`   // 1-based
	Column int    `json:"column"` // 1-based, in characters
	// EndLine and EndColumn end the matched span (or the segment when
	// nothing matched), inclusive of its last character's column + 1, as
	// SARIF regions want them.
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Text      string `json:"text"`  // the whole segment
	Match     string `json:"match"` // exactly as in the file; "" when nothing matched
	// Start and End are the byte offsets of the match (or of the segment
	// when Match is empty) in the document's text, for highlighting.
	Start int `json:"-"`
	End   int `json:"-"`
}

// TermRef names the glossary concept a finding is about.
type TermRef struct {
	ID       string   `json:"id"`
	Source   string   `json:"source"`   // the source term as the glossary writes it
	Expected []string `json:"expected"` // usable target terms, preferred first
}

// primary returns the location a finding is sorted and reported under:
// its source side when it has one, else its target side.
func (f *Finding) primary() *Location {
	if f.Source != nil {
		return f.Source
	}
	return f.Target
}

// SortFindings orders findings by file, line and column of their primary
// location (the source side when present), then by rule and message, so
// that every printer sees the same stable order.
func SortFindings(fs []Finding) {
	// The order is found on indexes, then applied: a Finding is large,
	// and a stable sort of thousands of them moved each many times.
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(i, j int32) int {
		a, b := fs[i].primary(), fs[j].primary()
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil || b == nil:
			if a != nil {
				return -1 // findings without a location last
			}
			return 1
		case a.Path != b.Path:
			return strings.Compare(a.Path, b.Path)
		case a.Line != b.Line:
			return cmp.Compare(a.Line, b.Line)
		case a.Column != b.Column:
			return cmp.Compare(a.Column, b.Column)
		case fs[i].Rule != fs[j].Rule:
			return strings.Compare(fs[i].Rule, fs[j].Rule)
		}
		return strings.Compare(fs[i].Message, fs[j].Message)
	})
	// Place k takes the finding at idx[k]: followed cycle by cycle, in
	// place (a copy would be megabytes of fresh pages).
	for start := range idx {
		if idx[start] == int32(start) {
			continue
		}
		tmp := fs[start]
		k := start
		for {
			j := int(idx[k])
			idx[k] = int32(k)
			if j == start {
				fs[k] = tmp
				break
			}
			fs[k] = fs[j]
			k = j
		}
	}
}

// fingerprint computes f's baseline fingerprint: the rule, the term id,
// the matched texts and the segment texts, each reduced to its folded
// words (lang tokens' Norm), so it survives edits that only shift lines
// or reflow white space and punctuation, and changes when a word of the
// segment changes. Folded words rather than stems keep baselines valid
// across stemmer improvements.
//
// keys memoises normKey: the findings of a document share segments,
// which need analysing only once.
func fingerprint(f *Finding, keys map[string]string) string {
	key := func(s string) string {
		k, ok := keys[s]
		if !ok {
			k = normKey(s)
			keys[s] = k
		}
		return k
	}
	// The fields, each ended by a zero byte, are hashed as one buffer:
	// a finding costs one allocation (its fingerprint), not one per field.
	var arr [2048]byte
	buf := arr[:0]
	write := func(s string) { buf = append(append(buf, s...), 0) }
	write(f.Rule)
	if f.Term != nil {
		write(f.Term.ID)
	}
	for _, l := range []*Location{f.Source, f.Target} {
		if l == nil {
			write("-")
			continue
		}
		write(pathKey(l.Path))
		write(key(l.Match))
		write(key(l.Text))
	}
	sum := sha256.Sum256(buf)
	var hx [2 * sha256.Size]byte
	hex.Encode(hx[:], sum[:])
	return string(hx[:20])
}

// setFingerprints sets the fingerprint of each of fs, sorted (see
// SortFindings), in parts side by side for thousands of findings: the
// last step of a check, which nothing else overlaps. A part's findings
// are neighbours in the text, so the segments whose keys each part
// memoises are mostly its own.
func setFingerprints(fs []Finding) {
	parts := min(runtime.GOMAXPROCS(0), len(fs)/fingerprintsPerGoroutine)
	if parts <= 1 {
		fingerprintEach(fs)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() { fingerprintEach(fs[k*len(fs)/parts : (k+1)*len(fs)/parts]) })
	}
	wg.Wait()
}

// fingerprintEach sets the fingerprint of each of fs.
func fingerprintEach(fs []Finding) {
	keys := map[string]string{}
	for i := range fs {
		fs[i].Fingerprint = fingerprint(&fs[i], keys)
	}
}

// fingerprintsPerGoroutine is the least number of findings worth a
// goroutine of their own in setFingerprints.
const fingerprintsPerGoroutine = 1000

// pathKey is the slash form of a path, so baselines written on one system
// match on another.
func pathKey(p string) string { return strings.ReplaceAll(p, "\\", "/") }

// normKey joins the folded words and numbers of s.
func normKey(s string) string {
	toks := lang.Analyze(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}
