package check

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// TestGlossaryCalibration measures, per built-in concept, how often one of
// its source terms occurs in professional translations of general text and
// how often `check` reports it term-missing (error or warning) there: the
// tuning material of the real-text evaluation — every WMT22 and WMT23
// document of every domain in shared/data/wmt_news_ru_en (never WMT21 or
// WMT24, the unseen part), FLORES-200 devtest, TICO-19 test and UD PUD.
// A concept whose terms fire again and again in such text is ambiguous: a
// general word held in one sense (it wants `context:`), an abbreviation
// that is also a word (`exact case`), or a rendering professionals use
// that the glossary lacks. The findings are not adjudicated, so the
// figures are an upper bound of the false alarms.
//
// It is slow (about a minute on two busy cores), so it runs only with
// TOLMACH_CALIBRATE=1; TOLMACH_CALIBRATE_OUT=FILE writes every concept
// with its examples to FILE. It fails when the rate of term-missing
// findings on a corpus rises above the ceiling measured after the last
// calibration (calibrationCeilings), so a glossary change that brings an
// ambiguous word back is seen.
func TestGlossaryCalibration(t *testing.T) {
	if os.Getenv("TOLMACH_CALIBRATE") == "" {
		t.Skip("glossary calibration: set TOLMACH_CALIBRATE=1")
	}
	data := sharedData(t)
	docs := calibrationDocs(t, data)
	if len(docs) == 0 {
		t.Skip("no tuning material in shared/data")
	}
	g := builtinGlossary(t)
	c := New(Options{Glossary: g})
	matchers := map[lang.Lang]*glossary.Matcher{
		lang.RU: glossary.NewMatcher(g, "ru"),
		lang.EN: glossary.NewMatcher(g, "en"),
	}

	outs := checkDocs(c, docs)
	occurs := make([]map[string]int, len(docs)) // concept id → source occurrences, by document
	for i, d := range docs {
		occurs[i] = map[string]int{}
		for _, m := range matchers[d.src].Find(d.srcText) {
			occurs[i][m.Concept.ID]++
		}
	}

	type conceptStat struct {
		id            string
		occurs, fired int
		byCorpus      map[string]int
		examples      []string
	}
	stats := map[string]*conceptStat{}
	stat := func(id string) *conceptStat {
		s := stats[id]
		if s == nil {
			s = &conceptStat{id: id, byCorpus: map[string]int{}}
			stats[id] = s
		}
		return s
	}
	words := map[string]int{}
	fired := map[string]int{}
	var corpora []string
	for i, o := range outs {
		d := docs[i]
		if o.err != nil {
			t.Logf("%s: %v", d.name, o.err)
			continue
		}
		if _, ok := words[d.corpus]; !ok {
			corpora = append(corpora, d.corpus)
		}
		words[d.corpus] += o.words
		for id, n := range occurs[i] {
			stat(id).occurs += n
		}
		sl, tl := lines(d.srcText), lines(d.tgtText)
		for _, f := range o.findings {
			if f.Rule != "term-missing" || f.Severity < Warning || f.Term == nil {
				continue
			}
			fired[d.corpus]++
			s := stat(f.Term.ID)
			s.fired++
			s.byCorpus[d.corpus]++
			if len(s.examples) < 6 {
				s.examples = append(s.examples, fmt.Sprintf("%s %s %q\n        src: %s\n        tgt: %s",
					f.Severity, d.name, f.Term.Source, lineAt(sl, f.Source), lineAt(tl, f.Target)))
			}
		}
	}

	var b strings.Builder
	total, totalWords := 0, 0
	for _, corp := range corpora {
		total += fired[corp]
		totalWords += words[corp]
		fmt.Fprintf(&b, "%-14s %7d source words  %4d term-missing (error+warning)  %.2f per 1,000 words\n",
			corp, words[corp], fired[corp], perThousand(fired[corp], words[corp]))
	}
	fmt.Fprintf(&b, "%-14s %7d source words  %4d term-missing (error+warning)  %.2f per 1,000 words\n",
		"all", totalWords, total, perThousand(total, totalWords))
	t.Log("\n" + b.String())

	var list []*conceptStat
	for _, s := range stats {
		if s.fired > 0 {
			list = append(list, s)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].fired != list[j].fired {
			return list[i].fired > list[j].fired
		}
		return list[i].id < list[j].id
	})
	var full strings.Builder
	full.WriteString(b.String())
	for i, s := range list {
		var per []string
		for _, corp := range corpora {
			if n := s.byCorpus[corp]; n > 0 {
				per = append(per, corp+" "+strconv.Itoa(n))
			}
		}
		line := fmt.Sprintf("%-34s fired %3d of %4d occurrences (%s)", s.id, s.fired, s.occurs, strings.Join(per, ", "))
		if i < 40 {
			t.Log(line)
		}
		full.WriteString("\n" + line + "\n")
		for _, e := range s.examples {
			full.WriteString("    " + e + "\n")
		}
	}
	if out := os.Getenv("TOLMACH_CALIBRATE_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(full.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
	for _, corp := range corpora {
		if ceiling, ok := calibrationCeilings[corp]; ok && perThousand(fired[corp], words[corp]) > ceiling {
			t.Errorf("%s: %.2f term-missing per 1,000 words, above the calibrated ceiling %.2f",
				corp, perThousand(fired[corp], words[corp]), ceiling)
		}
	}
}

// calibrationCeilings are the term-missing rates (error and warning, per
// 1,000 source words) measured by TestGlossaryCalibration after the last
// calibration of the built-in glossary, with a little room.
var calibrationCeilings = map[string]float64{
	// Measured 2026-12-07 18:40 UTC, after the term fixes of issue 12
	// (wmt22-en-ru 0.17, wmt22-ru-en 0.14, wmt23-ru-en 0.20, flores200
	// 0.36, ud_pud 1.18, tico19 0.11), plus 0.15; ud_pud kept at the
	// earlier ceiling, which it had risen above (1.43) as the glossary grew.
	"wmt22-en-ru": 0.32,
	"wmt22-ru-en": 0.29,
	"wmt23-ru-en": 0.35,
	"flores200":   0.51,
	"ud_pud":      1.21,
	"tico19":      0.26,
}

func perThousand(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(n) * 1000 / float64(words)
}

// docOutcome is one checked calibrationDoc.
type docOutcome struct {
	words    int // source words
	findings []Finding
	err      error
}

// checkDocs checks docs with c, one at a time per core.
func checkDocs(c *Checker, docs []calibrationDoc) []docOutcome {
	outs := make([]docOutcome, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, d := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			sd := NewDocument(d.name+"."+string(d.src)+".txt", d.src, d.srcText)
			td := NewDocument(d.name+"."+string(d.tgt)+".txt", d.tgt, d.tgtText)
			res, err := c.Check(context.Background(), sd, td)
			o := docOutcome{err: err}
			if err == nil {
				o.words, o.findings = sd.Words(), res.Findings
			}
			outs[i] = o
		}()
	}
	wg.Wait()
	return outs
}

// calibrationDoc is one source–translation pair of the tuning material.
type calibrationDoc struct {
	corpus, name     string
	src, tgt         lang.Lang
	srcText, tgtText string
}

// calibrationDocs reads the tuning material: WMT22 and WMT23 documents
// (both directions, all domains) and the three sentence-aligned corpora
// cut into articles of 20 sentences, Russian → English.
func calibrationDocs(t *testing.T, data string) []calibrationDoc {
	t.Helper()
	docs := wmtDocs(t, data, func(year, _ string) bool { return year == "2022" || year == "2023" },
		func(year, _ string) string { return "wmt" + year[2:] })
	return append(docs, sentenceCorpusDocs(t, data, "flores200", "ud_pud", "tico19")...)
}

// wmtDocs reads the documents of shared/data/wmt_news_ru_en whose year and
// domain keep accepts, each in the corpus named by corpus(year, domain)
// and its direction ("wmt22-en-ru").
func wmtDocs(t *testing.T, data string, keep func(year, domain string) bool, corpus func(year, domain string) string) []calibrationDoc {
	t.Helper()
	var docs []calibrationDoc
	wmt := filepath.Join(data, "wmt_news_ru_en")
	f, err := os.Open(filepath.Join(wmt, "index.tsv"))
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 4 || c[0] == "direction" || !keep(c[1], c[3]) {
			continue
		}
		s, tg, _ := strings.Cut(c[0], "-")
		base := filepath.Join(wmt, c[0], c[2])
		st, err1 := os.ReadFile(base + "." + s + ".txt")
		tt, err2 := os.ReadFile(base + "." + tg + ".txt")
		if err1 != nil || err2 != nil {
			t.Logf("%s/%s: files missing", c[0], c[2])
			continue
		}
		docs = append(docs, calibrationDoc{corpus: corpus(c[1], c[3]) + "-" + c[0], name: c[0] + "/" + c[2],
			src: lang.Lang(s), tgt: lang.Lang(tg), srcText: string(st), tgtText: string(tt)})
	}
	return docs
}

// sentenceCorpora are the sentence-aligned corpora of shared/data, by name.
var sentenceCorpora = map[string]struct{ ru, en string }{
	"flores200": {"flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"},
	"ud_pud":    {"ud_pud_ru_en/pud.ru.txt", "ud_pud_ru_en/pud.en.txt"},
	"tico19":    {"tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"},
}

// sentenceCorpusDocs reads the named sentence-aligned corpora cut into
// articles of 20 sentences, Russian → English.
func sentenceCorpusDocs(t *testing.T, data string, names ...string) []calibrationDoc {
	t.Helper()
	var docs []calibrationDoc
	for _, name := range names {
		corp := sentenceCorpora[name]
		ru, err1 := os.ReadFile(filepath.Join(data, corp.ru))
		en, err2 := os.ReadFile(filepath.Join(data, corp.en))
		if err1 != nil || err2 != nil {
			continue
		}
		rl := strings.Split(strings.TrimSpace(string(ru)), "\n")
		el := strings.Split(strings.TrimSpace(string(en)), "\n")
		if len(rl) != len(el) {
			t.Logf("%s: %d Russian and %d English lines", name, len(rl), len(el))
			continue
		}
		for i := 0; i < len(rl); i += 20 {
			j := min(i+20, len(rl))
			docs = append(docs, calibrationDoc{corpus: name, name: fmt.Sprintf("%s-%d", name, i),
				src: lang.RU, tgt: lang.EN, srcText: strings.Join(rl[i:j], "\n"), tgtText: strings.Join(el[i:j], "\n")})
		}
	}
	return docs
}

func lines(text string) []string { return strings.Split(text, "\n") }

// lineAt returns the line of a location, or "-".
func lineAt(ls []string, l *Location) string {
	if l == nil || l.Line < 1 || l.Line > len(ls) {
		return "-"
	}
	return strings.TrimSpace(ls[l.Line-1])
}
