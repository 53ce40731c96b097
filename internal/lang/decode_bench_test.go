package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"tolmach/internal/shareddata"

	"golang.org/x/text/encoding/charmap"
)

// benchText returns about 1 MB of Russian running text: the Russian
// sides of UD PUD, FLORES-200 and TICO-19 repeated, or, when the shared
// data is absent, generated sentences of common words.
func benchText(b *testing.B) string {
	b.Helper()
	var src strings.Builder
	if dir := findDataDir(); dir != "" {
		for _, rel := range []string{"ud_pud_ru_en/pud.ru.txt", "flores200_ru_en/rus_Cyrl.devtest", "tico19_ru_en/tico19-test.rus"} {
			if data, err := os.ReadFile(filepath.Join(dir, rel)); err == nil {
				src.Write(data)
				src.WriteByte('\n')
			}
		}
	}
	if src.Len() == 0 {
		words := strings.Fields("министр иностранных дел России провёл переговоры с послом Китая стороны обсудили " +
			"подготовку к саммиту Шанхайской организации сотрудничества и развитие торговли в 2025 г. объём которой " +
			"достиг 240 млрд долларов что на 26,3 % больше чем годом ранее")
		for i := 0; src.Len() < 1<<20; i++ {
			src.WriteString(words[(i*7)%len(words)])
			if i%13 == 12 {
				src.WriteString(". ")
			} else {
				src.WriteByte(' ')
			}
		}
	}
	s := src.String()
	var out strings.Builder
	for out.Len() < 1<<20 {
		out.WriteString(s)
	}
	return out.String()
}

// cpuMeter measures the CPU time of a benchmark loop.
type cpuMeter struct {
	start time.Duration
	ok    bool
}

func startCPU() cpuMeter {
	t, ok := processCPUTime()
	return cpuMeter{t, ok}
}

// report adds "cpu-MB/s", throughput per CPU second, which stays
// meaningful when other processes share the machine (run with -cpu 1).
func (m cpuMeter) report(b *testing.B, size int) {
	end, ok := processCPUTime()
	if !m.ok || !ok || end <= m.start || b.N == 0 {
		return
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(end-m.start).Seconds(), "cpu-MB/s")
}

// findDataDir is dataDir without a testing.TB: "" when absent.
func findDataDir() string { return shareddata.Find() }

// BenchmarkPipeline measures what every checked or indexed file goes
// through: Decode, Fold and Analyze (tokenisation and stemming), over
// about 1 MB of Russian text, in UTF-8 and in Windows-1251 (which adds
// code-page detection). The stages are also measured one by one, and
// the segmentation and number extraction the checker adds. The target is
// 20 MB/s on one core for the pipeline.
func BenchmarkPipeline(b *testing.B) {
	text := benchText(b)
	utf8Data := []byte(text)
	cp1251, err := charmap.Windows1251.NewEncoder().Bytes([]byte(strings.Map(func(r rune) rune {
		if _, ok := charmap.Windows1251.EncodeRune(r); ok {
			return r
		}
		return '?'
	}, text)))
	if err != nil {
		b.Fatal(err)
	}
	pipeline := func(data []byte) func(*testing.B) {
		return func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu := startCPU()
			for b.Loop() {
				s, _, err := Decode(data, "")
				if err != nil {
					b.Fatal(err)
				}
				_ = Fold(s)
				_ = Analyze(s)
			}
			cpu.report(b, len(data))
		}
	}
	b.Run("utf-8", pipeline(utf8Data))
	b.Run("windows-1251", pipeline(cp1251))

	stage := func(f func()) func(*testing.B) {
		return func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu := startCPU()
			for b.Loop() {
				f()
			}
			cpu.report(b, len(text))
		}
	}
	b.Run("stage=Decode/utf-8", stage(func() { _, _, _ = Decode(utf8Data, "") }))
	b.Run("stage=Decode/windows-1251", stage(func() { _, _, _ = Decode(cp1251, "") }))
	b.Run("stage=Fold", stage(func() { _ = Fold(text) }))
	b.Run("stage=Analyze", stage(func() { _ = Analyze(text) }))
	b.Run("stage=SentencesOf", stage(func() { _ = SentencesOf(text) }))
	b.Run("stage=Numbers", stage(func() { _ = Numbers(text) }))
}
