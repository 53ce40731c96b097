package index

import (
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"tolmach/internal/lang"
)

// The names of tolmach's analyzers, registered with bleve when the
// package is initialised. Each is one tokenizer of the same name over
// [lang.Analyze]; they differ only in which form of a lang token becomes
// the indexed term.
const (
	// AnalyzerKey emits each token's matching key (lang Token.Key: the
	// stem of the folded word): inflected forms meet here. Use it for
	// stemmed search and phrase search on stems.
	AnalyzerKey = "tolmach_key"
	// AnalyzerNorm emits each token's folded form (lang Token.Norm:
	// case, ё/е, quotes, dashes folded; not stemmed). Use it for exact,
	// fuzzy and prefix search: typos are measured against real words,
	// not stems.
	AnalyzerNorm = "tolmach_norm"
	// AnalyzerCase emits each token as written (lang Token.Text), so that
	// case-sensitive terms — abbreviations such as ШОС or SCO — can be
	// matched with their case.
	AnalyzerCase = "tolmach_case"
	// AnalyzerTerm emits one token for the whole text: its match key
	// ([lang.MatchKey], the keys joined by spaces). A field analysed so
	// finds a whole term by any inflected form of all its words with one
	// term query, which no amount of per-word scoring guarantees in a
	// large index (a frequent word's documents crowd out the candidates).
	AnalyzerTerm = "tolmach_term"
)

// The suffixes [AddTextField] appends to a property name to name the
// fields of its three analyses: property "ru" gives fields "ru_key",
// "ru_norm" and "ru_case".
const (
	SuffixKey  = "_key"
	SuffixNorm = "_norm"
	SuffixCase = "_case"
)

// AnalysisVersion changes whenever the analysis (or anything in
// internal/lang that changes the tokens it emits) changes in a way that
// makes an existing index give different answers, and whenever the
// glossary index's documents are laid out differently (6: one prepared
// field per language and analysis, values separated by a position gap
// instead of array positions; see preparedField); it includes
// lang.StemVersion, which changes with the stemmer. It is part of every
// cache key, so a new tolmach never reads an index an older one built.
const AnalysisVersion = "tolmach-analysis-6+" + lang.StemVersion

// tokenForm selects which form of a lang token a tokenizer emits.
type tokenForm uint8

const (
	formKey tokenForm = iota
	formNorm
	formText
	formTerm
)

// langTokenizer is a bleve tokenizer that is lang.Analyze: the tokens,
// their byte offsets and their order are lang's, and the term is the form
// the analyzer asks for. Nothing else splits or normalises text.
type langTokenizer struct{ form tokenForm }

// Tokenize implements analysis.Tokenizer.
func (t langTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := analyzeCached(string(input))
	stream := make(analysis.TokenStream, 0, len(toks))
	emitTerms(toks, t.form, 0, func(term string, tok *lang.Token, pos int) {
		typ := analysis.AlphaNumeric
		if tok.Kind == lang.Number {
			typ = analysis.Numeric
		}
		start, end := tok.Start, tok.End
		if t.form == formTerm {
			start, end, typ = toks[0].Start, toks[len(toks)-1].End, analysis.Shingle
		}
		stream = append(stream, &analysis.Token{Start: start, End: end, Term: []byte(term), Position: pos, Type: typ})
	})
	if len(stream) == 0 {
		return nil
	}
	return stream
}

// emitTerms calls emit for each indexed term the analysis form makes of
// toks, with the token it comes from and its position (base+1 for the
// first token). It is the one definition of what each analyzer indexes:
// the tokenizers and the glossary index's prepared fields (see
// fieldBuilder) both call it, so that they cannot differ.
func emitTerms(toks []lang.Token, form tokenForm, base int, emit func(term string, tok *lang.Token, pos int)) {
	if form == formTerm {
		if len(toks) == 0 {
			return
		}
		emit(termKey(toks), &toks[0], base+1)
		if solid := solidTermKey(toks); solid != "" {
			// The whole term with its English compounds written solid.
			emit(solid, &toks[0], base+1)
		}
		return
	}
	for i := range toks {
		tok := &toks[i]
		switch form {
		case formKey:
			emit(tok.Key, tok, base+i+1)
			// An English compound is found by its key written solid too:
			// antiterrorist finds Anti-Terrorist (same position).
			if solid := tok.SolidKey(); solid != "" {
				emit(solid, tok, base+i+1)
			}
		case formNorm:
			emit(tok.Norm, tok, base+i+1)
		default:
			emit(tok.Text, tok, base+i+1)
		}
	}
}

// analysisCache remembers the lang tokens of recently analysed texts.
// Every text is analysed once per field it is indexed in (key, norm,
// case) and once more for the stored match data; stemming dominates
// index builds, so the repeats are served from here. The cache is
// emptied when it holds maxCached texts.
var analysisCache = struct {
	sync.Mutex
	m map[string][]lang.Token
}{m: map[string][]lang.Token{}}

const maxCached = 4096

// analyzeCached is lang.Analyze through analysisCache. Tokens are
// shared: callers must not modify them.
func analyzeCached(text string) []lang.Token {
	analysisCache.Lock()
	toks, ok := analysisCache.m[text]
	analysisCache.Unlock()
	if ok {
		return toks
	}
	toks = lang.Analyze(text)
	analysisCache.Lock()
	if len(analysisCache.m) >= maxCached {
		clear(analysisCache.m)
	}
	analysisCache.m[text] = toks
	analysisCache.Unlock()
	return toks
}

func init() {
	for name, form := range map[string]tokenForm{AnalyzerKey: formKey, AnalyzerNorm: formNorm, AnalyzerCase: formText, AnalyzerTerm: formTerm} {
		tok := langTokenizer{form: form}
		// The tokenizer and the analyzer share the name: bleve keeps the
		// two kinds in separate registries, and an analyzer here is just
		// its tokenizer (no char or token filters: lang does it all).
		must(registry.RegisterTokenizer(name, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return tok, nil
		}))
		must(registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
		}))
	}
}

// solidTermKey is termKey with English compounds keyed as written solid
// (lang.Token.SolidKey), or "" when toks has none.
func solidTermKey(toks []lang.Token) string {
	keys := make([]string, len(toks))
	has := false
	for i, t := range toks {
		keys[i] = t.Key
		if k := t.SolidKey(); k != "" {
			keys[i], has = k, true
		}
	}
	if !has {
		return ""
	}
	return strings.Join(keys, " ")
}

// termKey is lang.MatchKey of already analysed tokens.
func termKey(toks []lang.Token) string {
	n := 0
	for _, t := range toks {
		n += len(t.Key) + 1
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Key...)
	}
	return string(b)
}

func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("index: registering analysis: %v", err))
	}
}

// analyzerFor returns the analyzer registered under name, for tests and
// for code that must analyse a query exactly as a field was indexed.
func analyzerFor(name string) (analysis.Analyzer, error) {
	return registry.NewCache().AnalyzerNamed(name)
}

// TextFieldMapping returns the mapping of one analysed text field: indexed
// with analyzer, not in the "_all" field (whose "standard" analyzer finds
// no inflected Russian), no doc values (nothing sorts or facets on text),
// and term vectors (positions) only when withPositions is set, which
// phrase queries need; highlighting is computed from lang offsets instead.
func TextFieldMapping(name, analyzer string, withPositions bool) *mapping.FieldMapping {
	fm := mapping.NewTextFieldMapping()
	fm.Name = name
	fm.Analyzer = analyzer
	fm.Store = false
	fm.Index = true
	fm.IncludeInAll = false
	fm.IncludeTermVectors = withPositions
	fm.DocValues = false
	return fm
}

// StoredFieldMapping returns the mapping of a field that is only stored,
// for data a search result must return without another lookup.
func StoredFieldMapping(name string) *mapping.FieldMapping {
	fm := mapping.NewTextFieldMapping()
	fm.Name = name
	fm.Analyzer = "keyword"
	fm.Store = true
	fm.Index = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = false
	fm.DocValues = false
	return fm
}

// AddTextField declares property prop of dm as text in tolmach's
// analyses: the value (a string or a list of strings) is indexed three
// ways, as the fields prop+[SuffixKey] ([AnalyzerKey], with positions for
// phrase queries), prop+[SuffixNorm] ([AnalyzerNorm]: exact, fuzzy and
// prefix queries) and, when withCase is set, prop+[SuffixCase]
// ([AnalyzerCase]). Declare one property per language ("ru", "en"), so
// that each language gets its own fields.
//
// This is how every tolmach index declares text; the translation memory
// index does, for example:
//
//	dm := bleve.NewDocumentStaticMapping()
//	index.AddTextField(dm, "ru", false)
//	index.AddTextField(dm, "en", false)
//	m := index.NewIndexMapping()
//	m.AddDocumentMapping("unit", dm)
//
// and queries a field with the analysis it was indexed with, e.g. a
// MatchQuery on "ru_key" with Analyzer set to [AnalyzerKey].
func AddTextField(dm *mapping.DocumentMapping, prop string, withCase bool) {
	fields := []*mapping.FieldMapping{
		TextFieldMapping(prop+SuffixKey, AnalyzerKey, true),
		TextFieldMapping(prop+SuffixNorm, AnalyzerNorm, false),
	}
	if withCase {
		fields = append(fields, TextFieldMapping(prop+SuffixCase, AnalyzerCase, false))
	}
	dm.AddFieldMappingsAt(prop, fields...)
}

// NewIndexMapping returns an index mapping with tolmach's defaults:
// nothing indexed, stored or given doc values unless a document mapping
// declares it (no dynamic fields), the default analyzer [AnalyzerNorm],
// and a disabled default document mapping. Add document mappings with
// AddDocumentMapping and name the type of each document in its
// "_type" field (or implement bleve's Classifier).
func NewIndexMapping() *mapping.IndexMappingImpl {
	m := mapping.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerNorm
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultMapping.Enabled = false
	m.DefaultMapping.Dynamic = false
	return m
}
