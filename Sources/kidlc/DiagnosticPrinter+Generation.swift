import Foundation
import KurentoIDL

extension DiagnosticPrinter {
    /// Prints what generation found (nothing when it found nothing) with its own summary line; returns true
    /// when the run must fail (errors, or warnings under --warnings-as-errors).
    static func printGeneration(_ diagnostics: Diagnostics, warningsAsErrors: Bool) -> Bool {
        guard !diagnostics.all.isEmpty else { return false }
        return print(diagnostics, warningsAsErrors: warningsAsErrors, summaryLabel: "generation")
    }
}
