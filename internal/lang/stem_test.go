package lang

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"tolmach/internal/shareddata"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/russian"
)

// TestDictTableLoads makes sure the shipped table decodes: were it broken,
// Stem would silently fall back to Snowball alone.
func TestDictTableLoads(t *testing.T) {
	d, err := ruDictTable()
	if err != nil || d == nil {
		t.Fatalf("ruDictTable() = %v, %v", d, err)
	}
	if len(morphRU) > 4<<20 {
		t.Errorf("morph_ru.bin is %d bytes; keep it to a few MB", len(morphRU))
	}
	cases := []struct{ word, key string }{
		{"немцев", "немец"},
		{"организации", "организаци"},
		{"шанхайской", "шанхайск"},
		{"открытой", "открыт_"}, // marked: открытие has the Snowball stem открыт
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			if got := Stem(c.word); got != c.key {
				t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.key)
			}
		})
	}
}

// TestLoadDictTableErrors checks that a damaged table is refused with an
// error, not misread.
func TestLoadDictTableErrors(t *testing.T) {
	sealed := func(payload string) []byte {
		out := []byte(morphMagic)
		out = binary.LittleEndian.AppendUint32(out, crc32.Checksum([]byte(payload), crcTable))
		return append(out, payload...)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"wrong magic", []byte("something else")},
		{"bad checksum", []byte(morphMagic + "\x00\x00\x00\x00\x05\x03ab")},
		{"truncated endings", sealed("\x05\x03ab")},
		{"no fst", sealed("\x00")},
		{"damaged fst", sealed("\x00" + string(morphRU[len(morphMagic)+5:len(morphMagic)+100]))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := loadDictTable(c.data); err == nil {
				t.Error("loadDictTable accepted a damaged table")
			}
		})
	}
}

// TestStemConcurrent runs Stem from many goroutines (go test -race finds
// what this alone would not) and checks they agree with a sequential run.
func TestStemConcurrent(t *testing.T) {
	words := strings.Fields("посла немцев организации шанхайской лет людей organisations Russia's centres " +
		"государств членов стратегического партнерства санкциями defence programmes 1960-х г.")
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = Stem(Fold(w))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 200; n++ {
				for i, w := range words {
					if got := Stem(Fold(w)); got != want[i] {
						t.Errorf("Stem(%q) = %q concurrently, %q alone", w, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// benchWords returns the words of a real Russian text (FLORES-200), or a
// built-in sample when the shared data is absent.
func benchWords(b *testing.B) []string {
	text := "Шанхайская организация сотрудничества провела заседание совета министров иностранных дел " +
		"государств-членов. Стороны обсудили стратегическое партнёрство и санкции против посла."
	if p := findShared("flores200_ru_en"); p != "" {
		if data, err := os.ReadFile(filepath.Join(p, "rus_Cyrl.devtest")); err == nil {
			text = string(data)
		}
	}
	var words []string
	for _, tk := range Analyze(text) {
		if tk.Kind == Word && tk.Parts == nil {
			words = append(words, tk.Norm)
		}
	}
	return words
}

// findShared is sharedData for benchmarks and child processes: "" when
// the data is absent.
func findShared(name string) string {
	d := shareddata.Find()
	if d == "" {
		return ""
	}
	p := filepath.Join(d, name)
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return ""
	}
	return p
}

// BenchmarkStem measures Stem per word of real Russian text: "cached" is
// the steady state of a long run, "uncached" the cost of a new word
// (irregular table, dictionary FST, Snowball), "snowball-only" the plain
// Snowball baseline. The whole pipeline's throughput is measured by
// BenchmarkPipeline.
func BenchmarkStem(b *testing.B) {
	words := benchWords(b)
	b.Run("cached", func(b *testing.B) {
		for _, w := range words {
			Stem(w)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			Stem(words[i%len(words)])
		}
	})
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			stemRussian(words[i%len(words)])
		}
	})
	b.Run("snowball-only", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			snowballRU(words[i%len(words)])
		}
	})
}

// BenchmarkDictTableLoad measures decoding the embedded table, the cost
// the first Cyrillic word pays once.
func BenchmarkDictTableLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadDictTable(morphRU); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStemStartupCost measures, in a fresh process, the latency of the
// first Stem of a Cyrillic word (which loads the table) and the growth of
// resident memory it and 100,000 further lookups cause. It only logs:
// timings are not asserted. Run with -v; skipped with -short.
func TestStemStartupCost(t *testing.T) {
	if os.Getenv("TOLMACH_STEM_CHILD") == "1" {
		stemStartupChild()
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStemStartupCost$")
	cmd.Env = append(os.Environ(), "TOLMACH_STEM_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "startup:") {
			t.Log(line)
		}
	}
}

func stemStartupChild() {
	rss0 := rssKB()
	t0 := time.Now()
	Stem("организации")
	first := time.Since(t0)
	rss1 := rssKB()
	t1 := time.Now()
	Stem("посла")
	second := time.Since(t1)
	words := []string{"государств", "членов", "стратегического", "партнерства", "санкциями", "шанхайской"}
	for i := 0; i < 100000; i++ {
		stemRussian(words[i%len(words)] + strconv.Itoa(i%50))
		stemRussian(words[i%len(words)])
	}
	rss2 := rssKB()
	fmt.Printf("startup: first Cyrillic Stem %v (second %v); RSS +%d kB after it, +%d kB after 200,000 more lookups\n",
		first, second, rss1-rss0, rss2-rss0)
}

// rssKB returns the resident set size of this process in kB (Linux), or
// 0 where /proc is not available.
func rssKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			return n
		}
	}
	return 0
}

// snowballRU is plain Snowball Russian, the baseline of the benchmark and
// of the lever table.
func snowballRU(w string) string {
	env := snowballstem.NewEnv(w)
	russian.Stem(env)
	return env.Current()
}

// FuzzStem checks that Stem never panics, returns valid UTF-8 for valid
// input, and is a pure function (the cached and the computed key agree).
func FuzzStem(f *testing.F) {
	for _, w := range []string{"посла", "немцев", "1960-х", "г.", "организации", "Russia's", "organisations",
		"centres", "chairmen", "ЁЖ", "а", "-", "5-", "щ.", "x"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := Fold(s)
		k := Stem(w)
		if utf8.ValidString(w) && !utf8.ValidString(k) {
			t.Errorf("Stem(%q) = %q, not UTF-8", w, k)
		}
		var again string
		switch ScriptOf(w) {
		case Cyrillic:
			again = stemRussian(w)
		case Latin:
			again = stemEnglish(w)
		default:
			again = w
		}
		if again != k {
			t.Errorf("Stem(%q) = %q cached, %q computed", w, k, again)
		}
	})
}

// FuzzLoadDictTable checks that a damaged table is refused or read, never
// a panic.
func FuzzLoadDictTable(f *testing.F) {
	f.Add(morphRU[:200])
	f.Add([]byte(morphMagic + "\x01\x02ab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := loadDictTable(data)
		if err == nil {
			d.key("организации")
		}
	})
}
