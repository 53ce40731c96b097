package project

import (
	"context"
	"sort"

	"tolmach/tm"
)

// TMs is a list of open translation memories queried as one: matches
// merged by score, concordance hits in TM order.
type TMs struct {
	Paths   []string    // the TM files, for the "tm" field of results
	Indexes []*tm.Index // Indexes[i] is the index of Paths[i]
}

// OpenTMs opens the TMs at paths, with their indexes cached under
// cacheDir ("" for none).
func OpenTMs(paths []string, cacheDir string) (*TMs, error) {
	t := &TMs{Paths: paths}
	for _, p := range paths {
		x, err := tm.Open(p, tm.Options{CacheDir: cacheDir})
		if err != nil {
			t.Close()
			return nil, err
		}
		t.Indexes = append(t.Indexes, x)
	}
	return t, nil
}

// Close releases the indexes.
func (t *TMs) Close() error {
	if t == nil {
		return nil
	}
	for _, x := range t.Indexes {
		x.Close()
	}
	return nil
}

// Units returns the number of units of all the TMs.
func (t *TMs) Units() int {
	if t == nil {
		return 0
	}
	n := 0
	for _, x := range t.Indexes {
		n += x.Len()
	}
	return n
}

// Unit is a TM unit as `tm search` prints it in JSON, and `tm match`
// after its score; source_lang, target_lang and tm are extensions.
type Unit struct {
	Source     string `json:"source"`
	Target     string `json:"target"`
	ID         string `json:"id"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	TM         string `json:"tm"`
}

// Match is a fuzzy match in JSON: its score, then the unit's fields.
type Match struct {
	Score int `json:"score"`
	Unit
}

// MatchResult is the contract's JSON of one `tm match` query.
type MatchResult struct {
	Query   string  `json:"query"`
	Matches []Match `json:"matches"`
}

// SearchHit is a concordance hit: the unit, and the byte spans of its
// source that matched, for highlighting (not in the JSON).
type SearchHit struct {
	Unit
	Spans [][2]int `json:"-"`
}

// SearchResult is the contract's JSON of `tm search`.
type SearchResult struct {
	Query   string      `json:"query"`
	Results []SearchHit `json:"results"`
}

// Match returns the best matches of query in all the TMs, at least min
// percent, at most limit, best first (ties in TM order). ctx is checked
// before each TM is searched.
func (t *TMs) Match(ctx context.Context, query string, min, limit int) (*MatchResult, error) {
	type ranked struct {
		Match
		tmNo, unit int
	}
	var all []ranked
	if t != nil {
		for i, x := range t.Indexes {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for _, m := range x.Match(query, tm.MatchOptions{Min: min, Limit: limit}) {
				all = append(all, ranked{Match{Score: m.Score, Unit: Unit{Source: m.Source, Target: m.Target, ID: m.ID,
					SourceLang: m.SourceLang, TargetLang: m.TargetLang, TM: t.Paths[i]}}, i, m.Unit})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	if len(all) > limit {
		all = all[:limit]
	}
	out := &MatchResult{Query: query, Matches: make([]Match, len(all))}
	for i, r := range all {
		out.Matches[i] = r.Match
	}
	return out, nil
}

// Search returns up to limit units of the TMs holding phrase in any
// inflected form, in TM order. ctx is checked before each TM is searched.
func (t *TMs) Search(ctx context.Context, phrase string, limit int) (*SearchResult, error) {
	out := &SearchResult{Query: phrase, Results: []SearchHit{}}
	if t == nil {
		return out, nil
	}
	for i, x := range t.Indexes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, h := range x.Search(phrase, limit-len(out.Results)) {
			out.Results = append(out.Results, SearchHit{Unit: Unit{Source: h.Source, Target: h.Target, ID: h.ID,
				SourceLang: h.SourceLang, TargetLang: h.TargetLang, TM: t.Paths[i]}, Spans: h.Spans})
		}
		if len(out.Results) >= limit {
			break
		}
	}
	return out, nil
}
