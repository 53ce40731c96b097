package tm

import "tolmach/internal/lang"

// Band is one row of a match-band report: the segments of a document
// whose best TM match falls in [Min, Max] percent, and their words.
type Band struct {
	Name     string `json:"band"`
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	Segments int    `json:"segments"`
	Words    int    `json:"words"`
}

// Report is the match-band analysis of a document against TMs, as CAT
// tools give it: how much of it the TM already covers, and how much
// repeats within the document itself.
type Report struct {
	// Repetitions are segments whose text occurred earlier in the
	// document (the same visible form, [lang.VisibleForm]: another
	// inflection or case is not a repetition): translated once, they
	// cost nothing again. They are
	// counted here and in no band.
	Repetitions Band   `json:"repetitions"`
	Bands       []Band `json:"bands"` // 100%, 95–99%, 85–94%, 75–84%, 50–74%, no match
	Total       Band   `json:"total"`
}

// bandLimits are the usual CAT-tool bands, best first.
var bandLimits = []Band{
	{Name: "100%", Min: 100, Max: 100},
	{Name: "95-99%", Min: 95, Max: 99},
	{Name: "85-94%", Min: 85, Max: 94},
	{Name: "75-84%", Min: 75, Max: 84},
	{Name: "50-74%", Min: 50, Max: 74},
	{Name: "no match", Min: 0, Max: 49},
}

// AnalyzeDocument splits text into sentences (lang.SentencesOf) and
// reports, per band, the segments and words whose best match in any of
// the indexes falls in it. Words are the words and numbers of
// lang.Analyze.
func AnalyzeDocument(text string, indexes []*Index) Report {
	r := Report{Bands: append([]Band(nil), bandLimits...), Repetitions: Band{Name: "repetitions"}, Total: Band{Name: "total"}}
	seen := map[string]bool{}
	for _, s := range lang.SentencesOf(text) {
		words := len(lang.Analyze(s.Text))
		if words == 0 {
			continue
		}
		r.Total.Segments++
		r.Total.Words += words
		key := lang.VisibleForm(s.Text)
		if seen[key] {
			r.Repetitions.Segments++
			r.Repetitions.Words += words
			continue
		}
		seen[key] = true
		best := 0
		for _, x := range indexes {
			if m := x.Match(s.Text, MatchOptions{Limit: 1}); len(m) > 0 && m[0].Score > best {
				best = m[0].Score
			}
		}
		for i := range r.Bands {
			if best >= r.Bands[i].Min {
				r.Bands[i].Segments++
				r.Bands[i].Words += words
				break
			}
		}
	}
	return r
}
