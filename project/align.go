package project

import (
	"fmt"

	"tolmach/check"
	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/tm/align"
)

// ErrSameLanguage is returned (wrapped) by [AlignLangs] when both texts
// are in one language.
var ErrSameLanguage = align.ErrSameLanguage

// AlignLangs settles the languages of a pair to align by the rule of
// check (see [check.PairLangs]), so that align and check never disagree
// on which side is which: forced, else the file names, else the scripts.
// A side nothing tells the language of takes the other one's opposite;
// two such sides are taken as Russian and English. Both sides in one
// language is an error wrapping [ErrSameLanguage].
func AlignLangs(srcPath, srcText, tgtPath, tgtText string, forced lang.Lang) (src, tgt lang.Lang, err error) {
	src, tgt = check.PairLangs(srcPath, srcText, tgtPath, forced)
	if forced == "" && src != "" && lang.Detect(tgtText) == src && lang.Detect(srcText) == src {
		// Both texts are written in one script: not a translation pair,
		// whatever the names say (check refuses it too).
		tgt = src
	}
	switch {
	case src == "" && tgt != "":
		src = otherLang(tgt)
	case tgt == "" && src != "":
		tgt = otherLang(src)
	case src == "" && tgt == "":
		src, tgt = lang.RU, lang.EN
	}
	if src == tgt {
		return src, tgt, fmt.Errorf("%s and %s are both in %s: %w", srcPath, tgtPath, src.Name(), ErrSameLanguage)
	}
	return src, tgt, nil
}

func otherLang(l lang.Lang) lang.Lang {
	if l == lang.RU {
		return lang.EN
	}
	return lang.RU
}

// GlossaryAnchorer returns an anchorer giving every concept of g found in
// a sentence as an anchor "g:ID". It is safe for concurrent use.
func GlossaryAnchorer(g *glossary.Glossary) align.Anchorer {
	matchers := map[lang.Lang]*glossary.Matcher{
		lang.RU: glossary.NewMatcher(g, string(lang.RU)),
		lang.EN: glossary.NewMatcher(g, string(lang.EN)),
	}
	return align.AnchorFunc(func(text string, l lang.Lang) []string {
		m := matchers[l]
		if m == nil {
			return nil
		}
		var ids []string
		for _, hit := range m.Find(text) {
			ids = append(ids, "g:"+hit.Concept.ID)
		}
		return ids
	})
}

// Alignment is the contract's JSON shape of an alignment (`align
// --format json`, POST /api/v1/align).
type Alignment struct {
	Source AlignSide   `json:"source"`
	Target AlignSide   `json:"target"`
	Pairs  []AlignPair `json:"pairs"`
}

// AlignSide names one side of an alignment.
type AlignSide struct {
	Path string    `json:"path"`
	Lang lang.Lang `json:"lang"`
}

// AlignPair is one pair: its sentences on each side (an empty list for
// an omission or an addition), its confidence, and whether that is low.
type AlignPair struct {
	Source     []AlignSentence `json:"source"`
	Target     []AlignSentence `json:"target"`
	Confidence float64         `json:"confidence"`
	Low        bool            `json:"low,omitempty"`
}

// AlignSentence is one sentence with its 1-based position.
type AlignSentence struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"text"`
}

// NewAlignment builds the JSON shape of a, whose texts were read from
// srcPath and tgtPath.
func NewAlignment(a *align.Alignment, srcPath, tgtPath string) *Alignment {
	doc := &Alignment{
		Source: AlignSide{Path: srcPath, Lang: a.SourceLang},
		Target: AlignSide{Path: tgtPath, Lang: a.TargetLang},
		Pairs:  make([]AlignPair, len(a.Pairs)),
	}
	for k, p := range a.Pairs {
		doc.Pairs[k] = AlignPair{
			Source:     sentences(a.SourceSentences(p)),
			Target:     sentences(a.TargetSentences(p)),
			Confidence: p.Confidence,
			Low:        p.Low,
		}
	}
	return doc
}

func sentences(ss []align.Sentence) []AlignSentence {
	out := make([]AlignSentence, len(ss))
	for k, s := range ss {
		out[k] = AlignSentence{Line: s.Line, Column: s.Column, Text: s.Text}
	}
	return out
}
