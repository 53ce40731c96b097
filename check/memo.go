package check

import "sync"

// memo is a map of results computed on demand, safe for concurrent use:
// the checker's caches of what depends on the glossary alone, shared by
// the rules, the goroutines of a rule and the pairs of a check. Callers
// racing on a missing key may both compute it; the results are the same.
type memo[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the value of k, computed by compute the first time.
func (m *memo[K, V]) get(k K, compute func() V) V {
	m.mu.RLock()
	v, ok := m.m[k]
	m.mu.RUnlock()
	if ok {
		return v
	}
	v = compute()
	m.mu.Lock()
	if m.m == nil {
		m.m = map[K]V{}
	}
	m.m[k] = v
	m.mu.Unlock()
	return v
}
