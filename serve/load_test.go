package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tolmach/glossary"
	"tolmach/project"
)

// TestLoad runs clients against a real server on 127.0.0.1 — lookups,
// checks and TM matches mixed — with a glossary edit picked up by the
// watcher halfway through: every answer must be right (0 errors), under
// -race nothing may race, and the heap after the run must be about what
// it was after the first quarter (no growth per request). The full size
// of the acceptance test (64 clients × 2,000 requests) runs with
// TOLMACH_LOAD_FULL=1; the default is 16 × 150 (8 × 60 under -race), in
// a few seconds.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	clients, perClient := 16, 150
	if raceEnabled {
		clients, perClient = 8, 60
	}
	if os.Getenv("TOLMACH_LOAD_FULL") == "1" {
		clients, perClient = 64, 2000
	}
	dir := t.TempDir()
	gpath := filepath.Join(dir, "terms.glossary")
	builtin, err := project.Load([]project.GlossarySource{project.Builtin})
	if err != nil {
		t.Fatal(err)
	}
	if err := glossary.WriteFile(gpath, builtin, glossary.Native); err != nil {
		t.Fatal(err)
	}
	tmPath := filepath.Join(dir, "memory.tsv")
	var tsv strings.Builder
	tsv.WriteString("ru\ten\n")
	for i := range 2000 {
		fmt.Fprintf(&tsv, "Стороны обсудили вопрос номер %d о стратегическом партнёрстве.\tThe parties discussed issue number %d on the strategic partnership.\n", i, i)
	}
	os.WriteFile(tmPath, []byte(tsv.String()), 0o644)
	ru, en := samplePair(t)
	// A check request of a few paragraphs of the sample pair.
	ruParas, enParas := strings.Split(ru, "\n\n"), strings.Split(en, "\n\n")
	checkBody, _ := json.Marshal(map[string]any{
		"source": map[string]string{"text": strings.Join(ruParas[:3], "\n\n"), "name": "a.ru.txt"},
		"target": map[string]string{"text": strings.Join(enParas[:3], "\n\n"), "name": "a.en.txt"},
	})

	start := time.Now()
	s, err := New(context.Background(), Options{Glossaries: []string{gpath}, TMs: []string{tmPath}, WatchInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v", time.Since(start))
	start = time.Now()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: time.Minute}
	defer client.CloseIdleConnections()

	lookups := []struct{ q, id string }{
		{"Шанхайской организации сотрудничества", "sco"}, {"шос", "sco"}, {"три силы зла", "three-evils"},
		{"Shanghai Cooperation Organization", "sco"}, {"стратегического партнерства", ""}, {"БРИКС", ""},
	}
	var done, errs atomic.Int64
	var firstErr sync.Once
	fail := func(format string, args ...any) {
		errs.Add(1)
		firstErr.Do(func() { t.Errorf(format, args...) })
	}
	get := func(target string, v any) bool {
		resp, err := client.Get(base + target)
		if err != nil {
			fail("GET %s: %v", target, err)
			return false
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			fail("GET %s: %d %s", target, resp.StatusCode, body)
			return false
		}
		if err := json.Unmarshal(body, v); err != nil {
			fail("GET %s: %v", target, err)
			return false
		}
		return true
	}
	var heapQuarter uint64
	var quarter sync.Once
	total := int64(clients * perClient)
	edited := make(chan struct{})
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perClient {
				n := done.Add(1)
				if n == total/4 {
					quarter.Do(func() { heapQuarter = heapAfterGC() })
				}
				if n == total/2 {
					// Halfway: edit the glossary; the watcher reloads it
					// while the other clients go on.
					f, _ := os.OpenFile(gpath, os.O_APPEND|os.O_WRONLY, 0)
					f.WriteString("\n[load-test-concept]\nru: нагрузочное испытание | preferred\nen: load test | preferred\n")
					f.Close()
					close(edited)
				}
				switch k := (c + i) % 10; {
				case k < 7:
					l := lookups[(c+i)%len(lookups)]
					var res project.Lookup
					if get("/api/v1/lookup?q="+url.QueryEscape(l.q), &res) && l.id != "" && (len(res.Results) == 0 || res.Results[0].ID != l.id) {
						fail("lookup %q: %+v", l.q, res.Results)
					}
				case k < 9:
					q := fmt.Sprintf("Стороны обсудили вопрос номер %d о стратегическом партнёрстве.", (c*perClient+i)%2000)
					var res project.MatchResult
					if get("/api/v1/tm/match?q="+url.QueryEscape(q), &res) && (len(res.Matches) == 0 || res.Matches[0].Score != 100) {
						fail("tm match %q: %+v", q, res.Matches)
					}
				default:
					resp, err := client.Post(base+"/api/v1/check", "application/json", bytes.NewReader(checkBody))
					if err != nil {
						fail("check: %v", err)
						continue
					}
					var rep struct{ Summary struct{ Segments int } }
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 || json.Unmarshal(body, &rep) != nil || rep.Summary.Segments == 0 {
						fail("check: %d %.300s", resp.StatusCode, body)
					}
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("requests served in %v", time.Since(start))
	<-edited
	// The edit is served once the watcher has seen it.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var res project.Lookup
		if get("/api/v1/lookup?q="+url.QueryEscape("нагрузочное испытание"), &res) && len(res.Results) > 0 && res.Results[0].ID == "load-test-concept" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the glossary edit made during the load was never served")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if h := s.Health(); h.Reloads < 1 || h.ReloadError != nil {
		t.Errorf("health after the load: %+v", h)
	}
	client.CloseIdleConnections()
	stop()
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	heapEnd := heapAfterGC()
	t.Logf("%d requests by %d clients, %d errors; heap %d MB after a quarter, %d MB at the end",
		done.Load(), clients, errs.Load(), heapQuarter>>20, heapEnd>>20)
	if errs.Load() != 0 {
		t.Errorf("%d requests failed", errs.Load())
	}
	// Flat: a reload holds two versions for a moment, and the heap's
	// own slack varies; growth per request would show as far more.
	if heapEnd > 2*heapQuarter+32<<20 {
		t.Errorf("heap grew from %d MB to %d MB over the run", heapQuarter>>20, heapEnd>>20)
	}
	s.Close()
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
