package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tolmach/glossary"
	"tolmach/internal/cputime"
	"tolmach/internal/lang"
	"tolmach/project"
)

// benchServer serves the glossary of TOLMACH_BENCH_GLOSSARY (e.g. the
// 50,000-concept one `go run ./bench/glossgen -n 50000 -formats native`
// writes), else the built-in glossary, indexes in memory.
func benchServer(b *testing.B) (*Server, *glossary.Glossary) {
	b.Helper()
	opts := Options{WatchInterval: -1}
	if p := os.Getenv("TOLMACH_BENCH_GLOSSARY"); p != "" {
		opts.Glossaries = []string{p}
	}
	// TOLMACH_BENCH_CACHE=DIR serves from the on-disk index cache in
	// DIR, preloaded, as tolmach serve does, instead of an index built
	// in memory.
	opts.CacheDir = os.Getenv("TOLMACH_BENCH_CACHE")
	srcs, err := project.GlossariesInUse(nil, opts.Glossaries)
	if err != nil {
		b.Fatal(err)
	}
	g, err := project.Load(srcs)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(b.Context(), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, g
}

// lookupQueries are queries a translator would type: terms of the
// glossary as written, in lower case, half-typed, and with a typo.
func lookupQueries(g *glossary.Glossary, n int) []string {
	r := rand.New(rand.NewSource(7))
	var out []string
	for len(out) < n {
		c := g.Concepts[r.Intn(len(g.Concepts))]
		if len(c.Terms) == 0 {
			continue
		}
		t := []rune(c.Terms[r.Intn(len(c.Terms))].Text)
		switch len(out) % 4 {
		case 1:
			t = []rune(strings.ToLower(string(t)))
		case 2:
			if len(t) > 6 {
				t = t[:len(t)-2]
			}
		case 3:
			if len(t) > 5 {
				i := 1 + r.Intn(len(t)-2)
				t[i], t[i+1] = t[i+1], t[i]
			}
		}
		out = append(out, string(t))
	}
	return out
}

// BenchmarkLookup times GET /api/v1/lookup through the server's handler
// (routing, middleware, lookup, JSON): the time a request spends inside
// the server. Queries are not repeated, so the lookup cache never
// answers (BenchmarkLookupRepeat times it); TOLMACH_BENCH_QUERIES=FILE
// asks the queries of FILE instead of the glossary's terms, and
// TOLMACH_BENCH_COLD=MB flushes the caches before each request. p50-ms
// and p99-ms are the median and 99th percentile.
func BenchmarkLookup(b *testing.B) { benchLookup(b, 0) }

// BenchmarkLookupRepeat is BenchmarkLookup cycling through 500 queries:
// after the first round the lookup cache answers.
func BenchmarkLookupRepeat(b *testing.B) { benchLookup(b, 500) }

func benchLookup(b *testing.B, distinct int) {
	s, g := benchServer(b)
	if distinct == 0 {
		distinct = b.N
	}
	qs := lookupQueries(g, distinct)
	if p := os.Getenv("TOLMACH_BENCH_QUERIES"); p != "" && distinct == b.N {
		// One query a line, e.g. the words bench/serve_vs_dictd.sh
		// asks; they repeat after the file's last line, so keep
		// -benchtime NNNx within its length for first asks only.
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		qs = slices.DeleteFunc(strings.Split(string(data), "\n"), func(q string) bool { return strings.TrimSpace(q) == "" })
	}
	h := s.Handler()
	targets := make([]string, len(qs))
	for i, q := range qs {
		targets[i] = "/api/v1/lookup?q=" + url.QueryEscape(q)
	}
	// TOLMACH_BENCH_COLD=MB writes MB megabytes before each request
	// (untimed): the caches are then as cold as a server's between the
	// requests of one translator, with other processes running.
	var flush []byte
	if mb, _ := strconv.Atoi(os.Getenv("TOLMACH_BENCH_COLD")); mb > 0 {
		flush = make([]byte, mb<<20)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", targets[i%len(targets)], nil)
		r.Host = "127.0.0.1:7340"
		w := httptest.NewRecorder()
		for j := 0; j < len(flush); j += 64 {
			flush[j]++
		}
		start := time.Now()
		h.ServeHTTP(w, r)
		lat = append(lat, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("%s: %d %s", targets[i%len(targets)], w.Code, w.Body)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// benchPair returns a pair of about words Russian words: the samples'
// paragraphs repeated, or TOLMACH_BENCH_PAIR=RU,EN files (e.g. check's
// 10,000-word pair, go test ./check -run TestWriteBenchData -benchdata DIR).
func benchPair(b *testing.B, words int) (ru, en string) {
	if p := os.Getenv("TOLMACH_BENCH_PAIR"); p != "" {
		r, e, _ := strings.Cut(p, ",")
		rb, err := os.ReadFile(r)
		if err != nil {
			b.Fatal(err)
		}
		eb, err := os.ReadFile(e)
		if err != nil {
			b.Fatal(err)
		}
		return string(rb), string(eb)
	}
	var rs, es strings.Builder
	n := 0
	for n < words {
		for _, name := range []string{"sco-eurasia", "russia-china"} {
			r, _ := os.ReadFile("../data/samples/" + name + ".ru.txt")
			e, _ := os.ReadFile("../data/samples/" + name + ".en.txt")
			rs.Write(r)
			rs.WriteString("\n\n")
			es.Write(e)
			es.WriteString("\n\n")
			for _, t := range lang.Analyze(string(r)) {
				if t.Kind == lang.Word {
					n++
				}
			}
		}
	}
	return rs.String(), es.String()
}

// BenchmarkCheck10k times POST /api/v1/check of a 10,000-word pair
// through the server's handler, JSON in and out; cpu-ms/op is the CPU
// time of all its goroutines, garbage collection included.
func BenchmarkCheck10k(b *testing.B) {
	s, _ := benchServer(b)
	ru, en := benchPair(b, 10000)
	body, _ := json.Marshal(map[string]any{"source": map[string]string{"text": ru, "name": "a.ru.txt"}, "target": map[string]string{"text": en, "name": "a.en.txt"}})
	h := s.Handler()
	run := func() {
		r := httptest.NewRequest("POST", "/api/v1/check", bytes.NewReader(body))
		r.Host = "127.0.0.1:7340"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%d %.300s", w.Code, w.Body)
		}
	}
	run()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	cpu := cputime.Start()
	for i := 0; i < b.N; i++ {
		run()
	}
	cputime.Report(b, cpu)
}

// BenchmarkLookupHTTP times GET /api/v1/lookup round trips over a real
// loopback TCP connection kept alive (net/http client and server, as
// bench/lookupclient and tolmach serve use them), cycling through 500
// queries so that after the first round the lookup cache answers: the
// cost of HTTP, the middleware and the handler around a cached answer.
// us/req is the median round trip; cpu-ms/op counts both ends.
func BenchmarkLookupHTTP(b *testing.B) {
	s, g := benchServer(b)
	qs := lookupQueries(g, 500)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(b.Context())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { stop(); <-done }()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1}}
	defer client.CloseIdleConnections()
	base := "http://" + ln.Addr().String() + "/api/v1/lookup?q="
	targets := make([]string, len(qs))
	for i, q := range qs {
		targets[i] = base + url.QueryEscape(q)
	}
	get := func(t string) {
		resp, err := client.Get(t)
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("%s: %d %v", t, resp.StatusCode, err)
		}
	}
	for _, t := range targets {
		get(t)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	cpu := cputime.Start()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		get(targets[i%len(targets)])
		lat = append(lat, time.Since(start))
	}
	cputime.Report(b, cpu)
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1000, "p50-us")
}
