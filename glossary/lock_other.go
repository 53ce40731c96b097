//go:build !unix

package glossary

// lockFile is a no-op where flock is not available; writes stay atomic
// but concurrent writers are not serialised.
func lockFile(path string) (unlock func(), err error) { return func() {}, nil }
