// Package filetests runs kiln's test files: CLIF files with `test interpret`,
// `test verifier`, `test cat`, `test optimize`, `test compile` and `test run`
// headers, and wat-level filetests for the baseline tier. Each (file, test
// command, target) is one result; failures name the file and line.
package filetests
