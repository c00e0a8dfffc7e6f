import Foundation
import KidlTemplates
import KurentoIDL
import Mustache

/// The templates of one target: kidl's own, each replaced by a file of the same name in the user's
/// `--templates` folder (`<folder>/<target>/<name>.mustache`) when there is one. Templates render as
/// plain text: nothing is HTML-escaped.
struct TemplateSet {
    let target: String
    private let library: MustacheLibrary

    /// `borrowing` names built-in templates of other targets that this target uses as they are (the client
    /// renders records and events with the server's `types` and `events`); the target's own files and the
    /// user's overrides of them win.
    init(target: String, overrides: URL?, borrowing: [(target: String, names: [String])] = []) throws(GenerationError) {
        self.target = target
        let builtIn = TemplateBundle.directory.appendingPathComponent(target)
        var sources: [String: URL] = [:]
        for (other, names) in borrowing {
            for url in Self.templates(in: TemplateBundle.directory.appendingPathComponent(other))
            where names.contains(url.deletingPathExtension().lastPathComponent) {
                sources[url.deletingPathExtension().lastPathComponent] = url
            }
        }
        for url in Self.templates(in: builtIn) { sources[url.deletingPathExtension().lastPathComponent] = url }
        if let overrides {
            for url in Self.templates(in: overrides.appendingPathComponent(target)) {
                sources[url.deletingPathExtension().lastPathComponent] = url
            }
        }
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let url = sources[name]!
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw GenerationError("cannot read template \(url.path)")
            }
            do {
                // The pragma sits on line 1 before the text, so line numbers stay those of the file.
                let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
                library.register(template, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let column = error.context.lineNumber == 1
                    ? max(1, error.context.columnNumber - "{{% CONTENT_TYPE: TEXT}}".count)
                    : error.context.columnNumber
                throw GenerationError("template does not parse: \(error.error)",
                                      at: .init(file: InputDiscovery.displayPath(url.path), line: error.context.lineNumber, column: column))
            } catch {
                throw GenerationError("template does not parse: \(error)",
                                      at: .init(file: InputDiscovery.displayPath(url.path), line: 1, column: 1))
            }
        }
        self.library = library
    }

    private static func templates(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder.appendingPathComponent($0) }
    }

    func render(_ name: String, _ view: Any) throws(GenerationError) -> String {
        guard let text = library.render(view, withTemplate: name) else {
            throw GenerationError("no template '\(name).mustache' for target \(target)")
        }
        return text
    }
}
