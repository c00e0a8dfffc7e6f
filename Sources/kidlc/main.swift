import ArgumentParser
import Foundation

// Usage errors exit with 2 (not ArgumentParser's 64), input errors with 1, as the README documents.
do {
    var command = try Kidlc.parseAsRoot()
    try command.run()
} catch {
    let code = Kidlc.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Kidlc.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Kidlc.exit(withError: error)
}
