import ArgumentParser
import KurentoIDL

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, resolve and validate modules; print every problem.",
        discussion: "Diagnostics go to standard error as `path:line:col: error|warning|note: message [KIDL…]`, followed by a summary line.")

    @OptionGroup var input: InputOptions

    func run() throws {
        _ = try input.load()
    }
}
