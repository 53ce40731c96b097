package terms

import (
	"strings"

	"tolmach/tm"
	"tolmach/tm/align"
)

// Pair is one aligned pair of segments: a Russian one and its English
// counterpart, whichever was the original.
type Pair struct {
	RU, EN string
	// Document names where the pair came from (a TM file, or an article
	// pair's source file), for corpus-level reports.
	Document string
}

// Corpus is the aligned text mining and usage reports read: segment pairs
// in the order they were added.
type Corpus struct {
	Pairs []Pair
}

// AddUnit adds the Russian and English segments of a TM unit, and reports
// whether the unit had both (units without them are skipped). document
// is stored with the pair unless the unit names its own.
func (c *Corpus) AddUnit(u *tm.Unit, document string) bool {
	ru, ok1 := u.Segment("ru")
	en, ok2 := u.Segment("en")
	if !ok1 || !ok2 || strings.TrimSpace(ru.Text) == "" || strings.TrimSpace(en.Text) == "" {
		return false
	}
	doc := u.Document
	if doc == "" {
		doc = document
	}
	c.Pairs = append(c.Pairs, Pair{RU: ru.Text, EN: en.Text, Document: doc})
	return true
}

// AddAlignment adds the pairs of an aligned article pair whose confidence
// is at least minConfidence; omissions and additions are left out. It
// returns how many pairs were added.
func (c *Corpus) AddAlignment(a *align.Alignment, document string, minConfidence float64) int {
	n := 0
	for _, p := range a.Pairs {
		if p.Omission() || p.Addition() || p.Confidence < minConfidence {
			continue
		}
		src, tgt := oneLine(a.SourceText(p)), oneLine(a.TargetText(p))
		pr := Pair{Document: document}
		switch {
		case a.SourceLang == "ru" && a.TargetLang == "en":
			pr.RU, pr.EN = src, tgt
		case a.SourceLang == "en" && a.TargetLang == "ru":
			pr.RU, pr.EN = tgt, src
		default:
			continue
		}
		c.Pairs = append(c.Pairs, pr)
		n++
	}
	return n
}

// oneLine joins the lines of a multi-sentence pair side with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
