package align

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"tolmach/internal/lang"
)

// Sentence is one segment of a text to align, with where it stands.
type Sentence struct {
	Text   string // the sentence as written
	Start  int    // byte offset of the first byte in the whole text
	End    int    // byte offset just past the last byte
	Line   int    // 1-based line of Start; 0 when unknown
	Column int    // 1-based column of Start in characters; 0 when unknown
	Para   int    // index of the paragraph the sentence belongs to

	// Tokens, when not nil, are the sentence's words and numbers as
	// lang.Analyze(Text) gives them (offsets may be relative to a larger
	// text: only the tokens' text and keys are read). A caller that has
	// analysed the whole text already (tolmach check) hands them over so
	// the aligner does not analyse every sentence again.
	Tokens []lang.Token
}

// Pair is one bead of an alignment: the source sentences and the target
// sentences that translate each other, by index into the sentence lists.
// An omission (1-0) has no Target, an addition (0-1) no Source.
type Pair struct {
	Source     []int
	Target     []int
	Confidence float64 // 0..1: how sure the aligner is of this pair
	Low        bool    // Confidence below the low-confidence threshold
}

// Omission reports whether the pair is a source segment with no
// counterpart in the target.
func (p Pair) Omission() bool { return len(p.Target) == 0 && len(p.Source) > 0 }

// Addition reports whether the pair is a target segment with no
// counterpart in the source.
func (p Pair) Addition() bool { return len(p.Source) == 0 && len(p.Target) > 0 }

// Kind returns the bead type as "source-target" sentence counts: "1-1",
// "2-1", "1-0"…
func (p Pair) Kind() string { return fmt.Sprintf("%d-%d", len(p.Source), len(p.Target)) }

// DefaultMaxCells is the default bound of [Options].MaxCells: about
// 160 MB of search table, room for a band 200 sentences wide around a
// 10,000-sentence path.
const DefaultMaxCells = 2_000_000

// DefaultLowConfidence is the confidence under which a pair is marked
// Low unless [Options].LowConfidence says otherwise.
const DefaultLowConfidence = 0.5

// Options tune [Align] and [AlignTexts]. The zero value is ready to use.
type Options struct {
	// SourceLang and TargetLang are passed to the anchorers; AlignTexts
	// sets them from its arguments.
	SourceLang, TargetLang lang.Lang

	// Anchorers add anchors to the built-in ones, e.g. glossary concept
	// IDs through [AnchorFunc].
	Anchorers []Anchorer

	// ConcurrentAnchorers declares the Anchorers safe for concurrent use
	// (a glossary.Matcher is), so they run on all CPUs with the built-in
	// ones; otherwise they run one sentence at a time.
	ConcurrentAnchorers bool

	// NoBuiltinAnchors leaves out [Builtin]: only Anchorers are used.
	NoBuiltinAnchors bool

	// LowConfidence is the threshold under which pairs are marked Low;
	// 0 means [DefaultLowConfidence].
	LowConfidence float64

	// ctx, set by AlignTextsContext, is checked between the stages.
	ctx context.Context

	// MaxCells bounds the dynamic-programming table (nodes of the band
	// around the expected path, about 80 bytes each); 0 means
	// [DefaultMaxCells]. The band stops widening there, so memory stays
	// bounded even for texts that are not translations of each other.
	MaxCells int
}

// Alignment is the result of [AlignTexts]: both texts' sentences and the
// pairs that join them, in document order. Every sentence of either text
// belongs to exactly one pair.
type Alignment struct {
	SourceLang, TargetLang lang.Lang
	Source, Target         []Sentence
	Pairs                  []Pair
}

// SourceSentences returns the source sentences of p.
func (a *Alignment) SourceSentences(p Pair) []Sentence { return pick(a.Source, p.Source) }

// TargetSentences returns the target sentences of p.
func (a *Alignment) TargetSentences(p Pair) []Sentence { return pick(a.Target, p.Target) }

// SourceText returns the text of p's source sentences joined by spaces
// ("" for an addition).
func (a *Alignment) SourceText(p Pair) string { return joinText(a.Source, p.Source) }

// TargetText returns the text of p's target sentences joined by spaces
// ("" for an omission).
func (a *Alignment) TargetText(p Pair) string { return joinText(a.Target, p.Target) }

func pick(ss []Sentence, idx []int) []Sentence {
	out := make([]Sentence, len(idx))
	for k, i := range idx {
		out[k] = ss[i]
	}
	return out
}

func joinText(ss []Sentence, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = ss[i].Text
	}
	return strings.Join(parts, " ")
}

// ErrSameLanguage is returned (wrapped) by [AlignTexts] when both texts
// are in the same language: there is nothing to align.
var ErrSameLanguage = errors.New("source and target are in the same language")

// Segment splits a text into sentences with paragraph indexes, byte
// offsets and line numbers: paragraphs by [lang.Paragraphs], sentences
// inside each by [lang.Sentences], so no sentence crosses a paragraph.
func Segment(text string) []Sentence {
	lines := lang.NewLineIndex(text)
	var out []Sentence
	for pi, p := range lang.Paragraphs(text) {
		for _, s := range lang.Sentences(p.Text) {
			start, end := s.Start+p.Start, s.End+p.Start
			line, col := lines.Pos(start)
			out = append(out, Sentence{Text: s.Text, Start: start, End: end, Line: line, Column: col, Para: pi})
		}
	}
	return out
}

// AlignTexts segments two texts ([Segment]) and aligns their sentences
// ([Align]). srcLang and tgtLang must differ (else [ErrSameLanguage]);
// either may be empty, in which case it is detected from the script.
// An empty text is not an error: every sentence of the other one comes
// out as an omission or an addition.
func AlignTexts(srcText, tgtText string, srcLang, tgtLang lang.Lang, opts Options) (*Alignment, error) {
	return AlignTextsContext(context.Background(), srcText, tgtText, srcLang, tgtLang, opts)
}

// AlignTextsContext is [AlignTexts] that gives up when ctx is done,
// returning its error: ctx is checked between the stages of the
// alignment (segmentation, anchoring, each search pass), so a server can
// drop the work of a request that was cancelled or timed out.
func AlignTextsContext(ctx context.Context, srcText, tgtText string, srcLang, tgtLang lang.Lang, opts Options) (*Alignment, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opts.ctx = ctx
	if srcLang == "" {
		srcLang = lang.Detect(srcText)
	}
	if tgtLang == "" {
		tgtLang = lang.Detect(tgtText)
	}
	if srcLang != "" && srcLang == tgtLang {
		return nil, fmt.Errorf("%w (%s)", ErrSameLanguage, srcLang)
	}
	opts.SourceLang, opts.TargetLang = srcLang, tgtLang
	a := &Alignment{SourceLang: srcLang, TargetLang: tgtLang, Source: Segment(srcText), Target: Segment(tgtText)}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a.Pairs = Align(a.Source, a.Target, opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return a, nil
}
