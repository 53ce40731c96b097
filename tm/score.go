package tm

import (
	"unicode"

	"tolmach/internal/lang"
)

// scoreToken is one element of the sequences the fuzzy percentage
// compares: a word or number (its lang matching key), or one
// punctuation character (folded with lang.Fold).
type scoreToken struct {
	Key   string // matching key; for punctuation the folded character
	Norm  string // the folded form as written: tells inflections apart
	Start int    // byte offsets in the text the tokens came from
	End   int
	Punct bool
}

// scoreTokens returns the words, numbers and punctuation of text in
// order. Words and numbers come from lang.Analyze; punctuation, which
// lang.Analyze leaves out, is taken from the text between its tokens,
// one character at a time, folded with lang.Fold so that «» and "" or
// – and - are the same token.
func scoreTokens(text string) []scoreToken {
	toks := lang.Analyze(text)
	out := make([]scoreToken, 0, len(toks)+len(toks)/4+2)
	prev := 0
	for _, t := range toks {
		out = appendPunct(out, text, prev, t.Start)
		out = append(out, scoreToken{Key: t.Key, Norm: t.Norm, Start: t.Start, End: t.End})
		prev = t.End
	}
	return appendPunct(out, text, prev, len(text))
}

func appendPunct(out []scoreToken, text string, from, to int) []scoreToken {
	for i, r := range text[from:to] {
		if unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) || unicode.IsControl(r) {
			continue
		}
		f := lang.Fold(string(r))
		if f == "" || f == " " {
			continue // soft hyphens, zero-width characters, stress marks
		}
		start := from + i
		out = append(out, scoreToken{Key: f, Norm: f, Start: start, End: start + len(string(r)), Punct: true})
	}
	return out
}

// Score returns the fuzzy-match percentage of candidate against query,
// an integer 0–100 (OmegaT's definition, on tolmach's matching keys):
//
//	100 × (1 − LD / max(|a|, |b|)), rounded down,
//
// where a and b are the token sequences of the two texts — words and
// numbers by their lang matching key, punctuation characters folded —
// and LD is the word-level optimal string alignment distance between
// them (insert, delete or replace one token, or swap two adjacent ones:
// cost 1). One exception keeps 100 for true
// exact matches: when LD is 0 but some word differs in its inflection
// (same key, different folded form), the score is 99. Case, ё/е,
// typographic quotes and dashes never lower the score.
func Score(query, candidate string) int {
	return score(scoreTokens(query), scoreTokens(candidate))
}

func score(a, b []scoreToken) int {
	m := max(len(a), len(b))
	if m == 0 {
		return 100
	}
	ld := tokenDistance(a, b)
	if ld == 0 {
		for i := range a {
			if a[i].Norm != b[i].Norm {
				return 99
			}
		}
		return 100
	}
	return 100 * (m - ld) / m
}

// tokenDistance returns the word-level edit distance ([editDistance])
// between the key sequences of a and b.
func tokenDistance(a, b []scoreToken) int {
	return editDistance(tokenKeys(a), tokenKeys(b))
}

// tokenKeys returns the matching keys of ts, the units the distance counts.
func tokenKeys(ts []scoreToken) []string {
	keys := make([]string, len(ts))
	for i, t := range ts {
		keys[i] = t.Key
	}
	return keys
}

// EditKind tells what a step of a word diff does.
type EditKind uint8

// The steps of a word diff from the query to a match.
const (
	Same    EditKind = iota // the token is in both
	Insert                  // the match has a token the query lacks
	Delete                  // the query has a token the match lacks
	Replace                 // the token differs (Text is the match's, Old the query's)
)

// Edit is one step of the word diff between a query and a match.
type Edit struct {
	Kind EditKind
	Text string // the token as written in the match ("" for Delete)
	Old  string // the token as written in the query (Delete and Replace)
	// Space tells whether the match had white space before the token, so
	// the diff can be printed with the match's own spacing.
	Space bool
}

// Diff returns the word diff that turns query into candidate, token by
// token (words, numbers and punctuation as [Score] counts them).
func Diff(query, candidate string) []Edit {
	a, b := scoreTokens(query), scoreTokens(candidate)
	n, m := len(a), len(b)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for j := 0; j <= m; j++ {
		d[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1].Key == b[j-1].Key {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	var rev []Edit
	space := func(j int) bool { // white space before b[j]?
		from := 0
		if j > 0 {
			from = b[j-1].End
		}
		return b[j].Start > from
	}
	i, j := n, m
	for i > 0 || j > 0 {
		switch {
		case i > 0 && j > 0 && a[i-1].Key == b[j-1].Key && d[i][j] == d[i-1][j-1]:
			rev = append(rev, Edit{Kind: Same, Text: candidate[b[j-1].Start:b[j-1].End], Space: space(j - 1)})
			i, j = i-1, j-1
		case i > 0 && j > 0 && d[i][j] == d[i-1][j-1]+1:
			rev = append(rev, Edit{Kind: Replace, Text: candidate[b[j-1].Start:b[j-1].End], Old: query[a[i-1].Start:a[i-1].End], Space: space(j - 1)})
			i, j = i-1, j-1
		case j > 0 && d[i][j] == d[i][j-1]+1:
			rev = append(rev, Edit{Kind: Insert, Text: candidate[b[j-1].Start:b[j-1].End], Space: space(j - 1)})
			j--
		default:
			rev = append(rev, Edit{Kind: Delete, Old: query[a[i-1].Start:a[i-1].End], Space: true})
			i--
		}
	}
	for l, r := 0, len(rev)-1; l < r; l, r = l+1, r-1 {
		rev[l], rev[r] = rev[r], rev[l]
	}
	return rev
}

// distanceIDs is tokenDistance on sequences of term numbers, the form
// the index keeps: equal numbers are equal keys.
func distanceIDs(a, b []uint32) int { return editDistance(a, b) }

// editDistance returns the optimal string alignment distance between two
// sequences of comparable elements (keys or key numbers): Levenshtein's
// insert, delete and replace, plus the swap of two adjacent elements,
// each costing 1. Russian word order is free and translators move words:
// two swapped words are one edit, not two, so a unit that differs from
// the query by a swap does not rank below one that lost a word. It runs
// in O(min(len)) memory, without allocating for sequences of up to 127
// elements.
func editDistance[T comparable](a, b []T) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	var stack [3 * 128]int
	buf := stack[:]
	if 3*(len(b)+1) > len(stack) {
		buf = make([]int, 3*(len(b)+1))
	}
	n := len(b) + 1
	// Rows i-2, i-1 and i of the distance matrix.
	prev2, prev, row := buf[:n], buf[n:2*n], buf[2*n:3*n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		row[0] = i
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if ai == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, row[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			row[j] = v
		}
		prev2, prev, row = prev, row, prev2
	}
	return prev[len(b)]
}
