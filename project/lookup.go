package project

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"tolmach/index"
)

// MaxQueryRunes is the longest lookup query searched; longer input (a
// pasted paragraph) is cut at a word boundary before it (see
// [TruncateQuery]).
const MaxQueryRunes = 200

// TruncateQuery cuts s to at most n characters, at the last space
// before the limit when there is one in its second half.
func TruncateQuery(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			break
		}
		count++
	}
	cut := s[:i]
	if j := strings.LastIndexAny(cut, " \t\n"); j > len(cut)/2 {
		cut = cut[:j]
	}
	return strings.TrimSpace(cut)
}

// Lookup is the contract's JSON shape of a lookup (`lookup --format
// json`, GET /api/v1/lookup).
type Lookup struct {
	Query   string         `json:"query"`
	Results []LookupResult `json:"results"`
}

// LookupResult is one concept found. Match and Matched are extensions
// of the contract: how and by which term the concept matched.
type LookupResult struct {
	ID      string      `json:"id"`
	Score   float64     `json:"score"`
	Terms   LookupTerms `json:"terms"`
	Domain  string      `json:"domain"`
	Note    string      `json:"note"`
	Match   string      `json:"match"`
	Matched string      `json:"matched"`
}

// LookupTerms is the terms of a concept by language, written as an
// object with "ru" and "en" first (always present, possibly empty), then
// any other languages in alphabetical order.
type LookupTerms map[string][]LookupTerm

// LookupTerm is one term of a found concept.
type LookupTerm struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Type   string `json:"type"`
}

// MarshalJSON implements json.Marshaler, fixing the order of the keys.
func (t LookupTerms) MarshalJSON() ([]byte, error) {
	var others []string
	for l := range t {
		if l != "ru" && l != "en" {
			others = append(others, l)
		}
	}
	sort.Strings(others)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, l := range append([]string{"ru", "en"}, others...) {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(l)
		terms := t[l]
		if terms == nil {
			terms = []LookupTerm{}
		}
		v, err := marshalNoEscape(terms)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshalNoEscape is json.Marshal without HTML escaping, so that «», <
// and & stay as written.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// NewLookup builds the JSON shape of results found for query.
func NewLookup(query string, results []index.Result) *Lookup {
	out := &Lookup{Query: query, Results: make([]LookupResult, 0, len(results))}
	for _, r := range results {
		terms := LookupTerms{}
		for _, t := range r.Concept.Terms {
			terms[t.Lang] = append(terms[t.Lang], LookupTerm{Text: t.Text, Status: string(t.Status), Type: string(t.Type)})
		}
		matched := ""
		if r.Term != nil {
			matched = r.Term.Text
		}
		out.Results = append(out.Results, LookupResult{
			ID: r.Concept.ID, Score: r.Score, Terms: terms, Domain: r.Concept.Domain, Note: r.Concept.Note,
			Match: r.Kind.String(), Matched: matched,
		})
	}
	return out
}
