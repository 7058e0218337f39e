import CrossCheck
import Foundation

// Benchmarks for crosscheck (release builds only). Not built out yet.
print("crosscheck-bench: not implemented yet")
