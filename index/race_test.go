//go:build race

package index

// raceEnabled skips the allocation tests, which sync.Pool makes
// unreliable under the race detector.
const raceEnabled = true
