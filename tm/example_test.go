package tm_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"tolmach/tm"
)

func ExampleScore() {
	fmt.Println(tm.Score("Россия и Китай подписали договор.", "Россия и Китай подписали договор."))
	fmt.Println(tm.Score("Россия и Китай подписали договор.", "России и Китая подписали договор."))
	fmt.Println(tm.Score("Россия и Китай подписали договор.", "Россия и Индия подписали договор."))
	// Output:
	// 100
	// 99
	// 83
}

func ExampleIndex_Match() {
	x := tm.NewIndex()
	x.Add(&tm.Unit{ID: "1", Segments: []tm.Segment{
		{Lang: "ru", Text: "Министр иностранных дел прибыл в Пекин."},
		{Lang: "en", Text: "The Foreign Minister arrived in Beijing."},
	}})
	for _, m := range x.Match("Министр иностранных дел прибыл в Дели.", tm.MatchOptions{Min: 70}) {
		fmt.Printf("%d%% %s → %s\n", m.Score, m.Source, m.Target)
	}
	// Output:
	// 85% Министр иностранных дел прибыл в Пекин. → The Foreign Minister arrived in Beijing.
}

func ExampleIndex_Search() {
	x := tm.NewIndex()
	x.Add(&tm.Unit{Segments: []tm.Segment{
		{Lang: "ru", Text: "Саммит Шанхайской организации сотрудничества"},
		{Lang: "en", Text: "The Shanghai Cooperation Organisation summit"},
	}})
	for _, h := range x.Search("шанхайская организация", 10) {
		fmt.Println(h.Source[h.Spans[0][0]:h.Spans[0][1]], "|", h.Target)
	}
	// Output:
	// Шанхайской организации | The Shanghai Cooperation Organisation summit
}

func ExampleNewTMXReader() {
	doc := `<tmx version="1.4"><header srclang="RU-RU"/><body>
<tu tuid="p1"><tuv xml:lang="RU-RU"><seg>Нажмите <ph>&lt;br/&gt;</ph>Ввод</seg></tuv>
<tuv xml:lang="en-us"><seg>Press Enter</seg></tuv></tu></body></tmx>`
	r, err := tm.NewTMXReader(strings.NewReader(doc), "example.tmx")
	if err != nil {
		fmt.Println(err)
		return
	}
	u, _ := r.Next()
	for _, s := range u.Segments {
		fmt.Printf("%s %q\n", s.Lang, s.Text)
	}
	// Output:
	// ru-RU "Нажмите Ввод"
	// en-US "Press Enter"
}

func ExampleAdd() {
	dir, _ := os.MkdirTemp("", "tm")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "my.tmx")
	u := tm.Unit{Segments: []tm.Segment{{Lang: "ru", Text: "Мир"}, {Lang: "en", Text: "Peace"}}}
	res, _ := tm.Add(path, []tm.Unit{u, u}, tm.Options{})
	fmt.Println(res.Added, "added,", res.Duplicates, "duplicate")
	// Output:
	// 1 added, 1 duplicate
}

func ExampleImport() {
	dir, _ := os.MkdirTemp("", "tm")
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "pairs.tsv")
	os.WriteFile(in, []byte("ru\ten\nМинистр прибыл в Пекин.\tThe Minister arrived in Beijing.\n"), 0o644)
	path := filepath.Join(dir, "my.tmx")
	opt := tm.Options{CacheDir: filepath.Join(dir, "cache")}
	if _, err := tm.Import(path, []string{in}, opt); err != nil {
		fmt.Println(err)
		return
	}
	x, err := tm.Open(path, opt) // the cached index, mapped
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()
	m := x.Match("Министр прибыл в Дели.", tm.MatchOptions{Min: 50})
	fmt.Println(m[0].Score, m[0].Target)
	// Output:
	// 80 The Minister arrived in Beijing.
}
