package project

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/index"
)

// AppendJSON appends l as JSON to b: the very bytes a json.Encoder
// with SetEscapeHTML(false) writes for l, without its final newline.
// It is written out by hand because the server encodes every answer it
// has not answered before, and reflection, the per-language
// MarshalJSON and its re-compaction cost more than the rest of the
// answer. A score that is NaN or infinite is an error, as it is for
// encoding/json.
func (l *Lookup) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"query":`...)
	b = appendJSONString(b, l.Query, false)
	b = append(b, `,"results":`...)
	if l.Results == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '[')
	for i := range l.Results {
		r := &l.Results[i]
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		b, err = appendResultJSON(b, l.Query, r.ID, r.Score, func(b []byte) []byte { return r.Terms.appendJSON(b) },
			r.Domain, r.Note, r.Match, r.Matched)
		if err != nil {
			return nil, err
		}
	}
	return append(b, "]}"...), nil
}

// AppendLookupJSON appends the JSON of the lookup of query that found
// results to b: the bytes NewLookup(query, results).AppendJSON(b)
// appends, without building the Lookup, its per-result maps and term
// lists first (a server's first answer to a query is encoded from the
// results at once, and what it would allocate and drop costs about as
// much as writing the bytes).
func AppendLookupJSON(b []byte, query string, results []index.Result) ([]byte, error) {
	b = append(b, `{"query":`...)
	b = appendJSONString(b, query, false)
	b = append(b, `,"results":[`...)
	for i := range results {
		r := &results[i]
		if i > 0 {
			b = append(b, ',')
		}
		matched := ""
		if r.Term != nil {
			matched = r.Term.Text
		}
		var err error
		b, err = appendResultJSON(b, query, r.Concept.ID, r.Score, func(b []byte) []byte { return appendConceptTerms(b, r.Concept.Terms) },
			r.Concept.Domain, r.Concept.Note, r.Kind.String(), matched)
		if err != nil {
			return nil, err
		}
	}
	return append(b, "]}"...), nil
}

// appendResultJSON appends one result object, its terms written by
// terms; both writers above go through it, so their bytes agree by
// construction.
func appendResultJSON(b []byte, query, id string, score float64, terms func([]byte) []byte, domain, note, match, matched string) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, id, false)
	b = append(b, `,"score":`...)
	var err error
	if b, err = appendJSONFloat(b, score); err != nil {
		return nil, fmt.Errorf("lookup %q, concept %q: %w", query, id, err)
	}
	b = append(b, `,"terms":`...)
	b = terms(b)
	b = append(b, `,"domain":`...)
	b = appendJSONString(b, domain, false)
	b = append(b, `,"note":`...)
	b = appendJSONString(b, note, false)
	b = append(b, `,"match":`...)
	b = appendJSONString(b, match, false)
	b = append(b, `,"matched":`...)
	b = appendJSONString(b, matched, false)
	return append(b, '}'), nil
}

// appendConceptTerms appends a concept's terms as LookupTerms.appendJSON
// appends those NewLookup makes of them.
func appendConceptTerms(b []byte, terms []*glossary.Term) []byte {
	var others []string
	for _, t := range terms {
		if t.Lang != "ru" && t.Lang != "en" && !slices.Contains(others, t.Lang) {
			others = append(others, t.Lang)
		}
	}
	return appendLangsJSON(b, others, func(b []byte, l string) []byte {
		first := true
		for _, t := range terms {
			if t.Lang == l {
				b = appendTermJSON(b, !first, t.Text, string(t.Status), string(t.Type))
				first = false
			}
		}
		return b
	})
}

// appendJSON is MarshalJSON appending.
func (t LookupTerms) appendJSON(b []byte) []byte {
	var others []string
	for l := range t {
		if l != "ru" && l != "en" {
			others = append(others, l)
		}
	}
	return appendLangsJSON(b, others, func(b []byte, l string) []byte {
		for i, term := range t[l] {
			b = appendTermJSON(b, i > 0, term.Text, term.Status, term.Type)
		}
		return b
	})
}

// appendLangsJSON appends the terms object: "ru" and "en" first, then
// others (sorted here) in alphabetical order, each an array whose
// elements terms appends; language names are escaped as json.Marshal
// escapes map keys (HTML characters included).
func appendLangsJSON(b []byte, others []string, terms func(b []byte, lang string) []byte) []byte {
	slices.Sort(others)
	lang := func(b []byte, l string) []byte {
		b = appendJSONString(b, l, true)
		b = append(b, ":["...)
		return append(terms(b, l), ']')
	}
	b = append(b, '{')
	b = lang(b, "ru")
	b = append(b, ',')
	b = lang(b, "en")
	for _, l := range others {
		b = append(b, ',')
		b = lang(b, l)
	}
	return append(b, '}')
}

// appendTermJSON appends one term object, after a comma when comma is set.
func appendTermJSON(b []byte, comma bool, text, status, typ string) []byte {
	if comma {
		b = append(b, ',')
	}
	b = append(b, `{"text":`...)
	b = appendJSONString(b, text, false)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, status, false)
	b = append(b, `,"type":`...)
	b = appendJSONString(b, typ, false)
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes it: control
// characters, quote and backslash escaped, invalid UTF-8 as \ufffd,
// U+2028 and U+2029 escaped, and <, > and & too when html is set.
func appendJSONString(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest form, in exponent notation only when very small or large.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("score %v cannot be written as JSON", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 as e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
