package check

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"tolmach/internal/lang"
)

// FilePair is a source file and its translation.
type FilePair struct {
	Source, Target string
}

// FindPairs finds article pairs named x.ru.EXT ↔ x.en.EXT. spec is a
// directory (searched recursively) or a glob of files (either language's
// files may match). sourceLang decides the direction ("" means Russian
// originals). Files whose counterpart is missing are returned in
// unpaired, sorted; pairs are sorted by source path.
func FindPairs(spec string, sourceLang lang.Lang) (pairs []FilePair, unpaired []string, err error) {
	if sourceLang == "" {
		sourceLang = lang.RU
	}
	var files []string
	if fi, statErr := os.Stat(spec); statErr == nil && fi.IsDir() {
		err = filepath.WalkDir(spec, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != spec && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	} else {
		files, err = filepath.Glob(spec)
		if err != nil {
			return nil, nil, fmt.Errorf("--pairs %q: %w", spec, err)
		}
		if len(files) == 0 {
			if statErr != nil && !strings.ContainsAny(spec, "*?[") {
				return nil, nil, statErr
			}
		}
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	seen := map[string]bool{}
	for _, f := range files {
		l, counterpart := swapLang(f)
		if l == "" || seen[f] {
			continue
		}
		seen[f] = true
		if !have[counterpart] {
			if _, err := os.Stat(counterpart); err != nil {
				unpaired = append(unpaired, f)
				continue
			}
		}
		seen[counterpart] = true
		if l == sourceLang {
			pairs = append(pairs, FilePair{f, counterpart})
		} else {
			pairs = append(pairs, FilePair{counterpart, f})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Source < pairs[j].Source })
	sort.Strings(unpaired)
	return pairs, unpaired, nil
}

// swapLang returns the language of a file named x.ru.EXT or x.en.EXT and
// the name of its counterpart in the other language; "" for other names.
func swapLang(p string) (lang.Lang, string) {
	dir, base := filepath.Split(p)
	for _, l := range []lang.Lang{lang.RU, lang.EN} {
		mark := "." + string(l) + "."
		if i := strings.LastIndex(base, mark); i > 0 {
			return l, dir + base[:i] + "." + string(other(l)) + "." + base[i+len(mark):]
		}
	}
	return "", ""
}

// CheckPairs checks many pairs in parallel with workers goroutines
// (GOMAXPROCS when workers <= 0) and returns the results in the order of
// pairs. The first error (in pair order) is returned with nothing else.
func (c *Checker) CheckPairs(ctx context.Context, pairs []FilePair, workers int) ([]*Result, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]*Result, len(pairs))
	errs := make([]error, len(pairs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(pairs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i], errs[i] = c.CheckFiles(ctx, pairs[i].Source, pairs[i].Target)
			}
		}()
	}
	for i := range pairs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
