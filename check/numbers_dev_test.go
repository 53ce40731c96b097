package check

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestNumbersDevPool is the development pool of number-mismatch: real
// professional translations that are neither part of the real-text
// evaluation's unseen split nor its tune split — every non-news document
// of ../shared/data/wmt_news_ru_en (social posts, speech, e-commerce,
// manuals, reviews, conversations, literature; all years), FLORES-200
// devtest, TICO-19 test and UD PUD cut into articles of 20 sentences. They are
// full of numbers written in other ways (times, seasons, scores, scale
// words, numbers in words), so number rules are tuned on them, never on
// the unseen news.
//
// The pool is not adjudicated finding by finding; the test prints the
// number findings with their segments (TOLMACH_NUMBERS_DEV=1; =all lists
// every one, not only errors and warnings) and the rate per 1,000 source
// words per corpus, and fails when that rate rises above the ceiling
// recorded here.
func TestNumbersDevPool(t *testing.T) {
	mode := os.Getenv("TOLMACH_NUMBERS_DEV")
	if mode == "" {
		t.Skip("set TOLMACH_NUMBERS_DEV=1 to run the number development pool")
	}
	data := sharedData(t)
	docs := numbersDevDocs(t, data)
	if len(docs) == 0 {
		t.Skip("no development material in shared/data")
	}
	c := New(Options{Glossary: builtinGlossary(t)})
	outs := checkDocs(c, docs)

	type tally struct{ words, errs, warns, infos int }
	per := map[string]*tally{}
	var corpora []string
	var list strings.Builder
	for i, d := range docs {
		o := outs[i]
		if o.err != nil {
			continue // a broken pair is no number finding
		}
		tl := per[d.corpus]
		if tl == nil {
			tl = &tally{}
			per[d.corpus] = tl
			corpora = append(corpora, d.corpus)
		}
		tl.words += o.words
		for _, f := range o.findings {
			if f.Rule != "number-mismatch" {
				continue
			}
			switch f.Severity {
			case Error:
				tl.errs++
			case Warning:
				tl.warns++
			default:
				tl.infos++
				if mode != "all" {
					continue
				}
			}
			fmt.Fprintf(&list, "%s %s %s: %s\n\tS: %s\n\tT: %s\n", d.name, f.Severity, realLines(&f), f.Message, segmentOf(f.Source), segmentOf(f.Target))
		}
	}
	sort.Strings(corpora)
	var b strings.Builder
	fmt.Fprintf(&b, "\nnumber-mismatch on the development pool (built-in glossary)\n%-22s %8s %6s %6s %6s %10s\n", "corpus", "words", "error", "warn", "info", "err+warn/1k")
	var all tally
	for _, name := range corpora {
		tl := per[name]
		fmt.Fprintf(&b, "%-22s %8d %6d %6d %6d %10.2f\n", name, tl.words, tl.errs, tl.warns, tl.infos, perThousand(tl.errs+tl.warns, tl.words))
		all.words += tl.words
		all.errs += tl.errs
		all.warns += tl.warns
		all.infos += tl.infos
	}
	rate := perThousand(all.errs+all.warns, all.words)
	fmt.Fprintf(&b, "%-22s %8d %6d %6d %6d %10.2f\n", "ALL", all.words, all.errs, all.warns, all.infos, rate)
	t.Log(list.String())
	t.Log(b.String())
	// The ceiling of the pool's rate (0.52 before the numbers written
	// other ways were recognised, 0.17 after, UD PUD included), tightened
	// as it improves.
	const ceiling = 0.22
	if rate > ceiling {
		t.Errorf("number-mismatch on the development pool: %.2f errors and warnings per 1,000 words, above %.2f", rate, ceiling)
	}
}

// numbersDevDocs reads the development pool of TestNumbersDevPool.
func numbersDevDocs(t *testing.T, data string) []calibrationDoc {
	t.Helper()
	// Never a news document: the news of WMT21 and WMT24 are the
	// real-text evaluation's unseen split.
	docs := wmtDocs(t, data, func(_, domain string) bool { return domain != "news" },
		func(_, domain string) string { return "wmt-" + domain })
	return append(docs, sentenceCorpusDocs(t, data, "flores200", "tico19", "ud_pud")...)
}
