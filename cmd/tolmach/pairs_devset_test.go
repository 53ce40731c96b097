package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/shareddata"
)

// TestCheckPairsDevSet runs `tolmach check --pairs` over the dev set's
// own English-original folder (shared/data/wmt_news_ru_en/en-ru: 392
// DOCID.en.txt ↔ DOCID.ru.txt pairs with a DOCID.tsv beside each), as CI
// would: every pair is found and checked but the one whose Russian
// reference is mojibake, which the JSON report lists under "errors" and
// standard error names with its repair; the run exits 2.
func TestCheckPairsDevSet(t *testing.T) {
	if testing.Short() {
		t.Skip("third-party text: not in -short runs")
	}
	dir := filepath.Join(shareddata.Dir(t), "wmt_news_ru_en", "en-ru")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("wmt_news_ru_en not in shared/data")
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var stdout, stderr bytes.Buffer
	code := run([]string{"tolmach", "check", "--pairs", dir, "--source-lang", "en", "--format", "json", "--fail-on", "never"}, &stdout, &stderr)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr.String())
	}
	var rep struct {
		Source *struct{} `json:"source"`
		Pairs  []struct {
			Source struct{ Path, Lang string } `json:"source"`
			Target struct{ Path, Lang string } `json:"target"`
		} `json:"pairs"`
		Errors []struct{ Source, Target, Message string } `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if len(rep.Pairs) != 391 || len(rep.Errors) != 1 {
		t.Fatalf("%d pairs and %d errors, want 391 and 1", len(rep.Pairs), len(rep.Errors))
	}
	for _, p := range rep.Pairs {
		if p.Source.Lang != "en" || p.Target.Lang != "ru" || strings.TrimSuffix(p.Source.Path, ".en.txt") != strings.TrimSuffix(p.Target.Path, ".ru.txt") {
			t.Fatalf("pair %+v", p)
		}
	}
	e := rep.Errors[0]
	if !strings.HasSuffix(e.Target, "nytimes.268790.ru.txt") || !strings.Contains(e.Message, "nytimes.268790.ru.txt:1: mojibake: Russian written in Windows-1251") {
		t.Errorf("error %+v, want the mojibake reference", e)
	}
	for _, want := range []string{"not checked: ", "iconv -f utf-8 -t windows-1252", "1 of 392 pairs could not be checked"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), ".tsv") {
		t.Errorf("stderr mentions the .tsv files:\n%s", stderr.String())
	}
}
