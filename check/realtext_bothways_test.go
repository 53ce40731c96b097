package check

import (
	"testing"
)

// TestEveryRealPairBothWays checks every document pair of
// shared/data/wmt_news_ru_en (all years and domains, news or not) and the
// sentence corpora, each from its original to its translation and the
// other way round, with the built-in glossary: no pair may fail but the
// two broken ones split.tsv excludes, and no check may panic (a rule's
// panic ends the test binary, naming itself). The precision tests check
// news one way only; `check --pairs` over a folder takes either side as the
// source, and a term found across a sentence end once crashed it on a
// news pair read Russian → English.
func TestEveryRealPairBothWays(t *testing.T) {
	if testing.Short() {
		t.Skip("every real pair both ways: not in -short runs")
	}
	data := sharedData(t)
	docs := wmtDocs(t, data, func(_, _ string) bool { return true }, func(year, _ string) string { return "wmt" + year[2:] })
	docs = append(docs, sentenceCorpusDocs(t, data, "flores200", "tico19", "ud_pud")...)
	if len(docs) == 0 {
		t.Skip("no real pairs in shared/data")
	}
	broken := map[string]bool{"en-ru/nytimes.268790": true, "ru-en/infox.ru.36099": true}
	n := len(docs)
	for _, d := range docs[:n] {
		d.src, d.tgt, d.srcText, d.tgtText = d.tgt, d.src, d.tgtText, d.srcText
		docs = append(docs, d)
	}
	c := New(Options{Glossary: builtinGlossary(t)})
	outs := checkDocs(c, docs)
	failed := 0
	for i, o := range outs {
		d := docs[i]
		if o.err != nil {
			if !broken[d.name] {
				t.Errorf("%s (%s → %s): %v", d.name, d.src, d.tgt, o.err)
			}
			failed++
			continue
		}
		for _, f := range o.findings {
			if f.Message == "" || f.Severity.String() == "" {
				t.Errorf("%s (%s → %s): a %s finding without message or severity", d.name, d.src, d.tgt, f.Rule)
			}
		}
	}
	t.Logf("%d pairs checked both ways, %d could not be checked", n, failed)
}
