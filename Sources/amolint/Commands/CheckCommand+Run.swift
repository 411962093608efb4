import AmoLint
import AmoLintIO

extension CheckCommand {
    func run() -> Int32 {
        var failed = false
        let store = ConfigurationStore(explicitPath: configPath)
        var reportedConfigErrors: Set<String> = []
        var inputs: [CheckInput] = []
        var warnings: [String] = []
        var problems: [String] = []
        // Paths named or found that were not checked (a fatal problem each).
        var notChecked = 0

        func configuration(for path: String) -> Configuration? {
            switch store.lookup(forFile: path) {
            case .found(let c, _): return overrides.apply(to: c)
            case .none: return overrides.apply(to: Configuration())
            case .failed(let error):
                if reportedConfigErrors.insert(error.description).inserted {
                    problems.append("invalid configuration: \(error); the files it governs are not checked")
                }
                failed = true
                notChecked += 1
                return nil
            }
        }

        // Without --fix, the files of a folder are checked while the walk goes on; with it,
        // or when only files are named (a hook, one page), once all are known, as before.
        var pipeline: CheckPipeline?
        // Each input's place in the order of the plain run: by argument, then by path
        // within a folder (the first of two names of one file is the one checked).
        var order: [(argument: Int, path: String)] = []
        func submit(_ input: CheckInput, argument: Int) {
            order.append((argument, input.path))
            if let pipeline { pipeline.add(input) } else { inputs.append(input) }
        }

        for (argument, path) in paths.enumerated() {
            if path == "-" {
                let name = stdinFilename ?? "stdin.html"
                guard let bytes = Platform.readAll(0, limit: maxFileSize) else {
                    problems.append("-: cannot read standard input: \(Platform.errorText())")
                    failed = true
                    notChecked += 1
                    continue
                }
                if bytes.count > maxFileSize {
                    problems.append("-: standard input is over the \(maxFileSize)-byte limit (--max-file-size); not checked")
                    failed = true
                    notChecked += 1
                    continue
                }
                if let c = configuration(for: name) { submit(CheckInput(path: name, source: .standardInput(bytes), discovered: false, configuration: c), argument: argument) }
                continue
            }
            guard let status = FileSystem.status(path) else {
                problems.append("\(path): \(Platform.errorText())")
                failed = true
                notChecked += 1
                continue
            }
            if status.kind == .directory {
                if fix == nil, pipeline == nil {
                    let started = CheckPipeline(maximumFileSize: maxFileSize)
                    for input in inputs { started.add(input) }
                    inputs = []
                    pipeline = started
                }
                // Per folder: its absolute name, its configuration (with the command line's
                // overrides), computed once; per file only `exclude`, when there is one.
                var walkProblems: [FileError] = []
                var configurationFailures: [(path: String, error: ConfigurationError)] = []
                FileDiscovery.walkFolders(path, absoluteRoot: store.absolute(path), visit: { folder in
                    guard !folder.files.isEmpty else { return }
                    let c: Configuration
                    switch store.lookup(folder: folder.absolute) {
                    case .found(let found, _): c = overrides.apply(to: found)
                    case .none: c = overrides.apply(to: Configuration())
                    case .failed(let error):
                        for file in folder.files { configurationFailures.append((file.path, error)) }
                        return
                    }
                    for file in folder.files {
                        if !c.exclude.isEmpty, c.excludes(folder.absolute == "/" ? "/" + file.name : folder.absolute + "/" + file.name) { continue }
                        submit(CheckInput(path: file.path, source: .file, discovered: true, configuration: c, knownRegular: file.isRegular), argument: argument)
                    }
                }, problem: { walkProblems.append($0) })
                // Reported as the plain run does: in path order, each configuration once.
                configurationFailures.sort { $0.path < $1.path }
                for (_, error) in configurationFailures {
                    if reportedConfigErrors.insert(error.description).inserted {
                        problems.append("invalid configuration: \(error); the files it governs are not checked")
                    }
                    failed = true
                    notChecked += 1
                }
                for p in walkProblems { problems.append(p.description); failed = true; notChecked += 1 }
            } else if let c = configuration(for: path) {
                if c.excludes(store.absolute(path)) {
                    // Named, yet excluded: say so (as eslint does) instead of vanishing.
                    warnings.append("\(path): File ignored because of a matching ignore pattern in \(c.baseDirectory.isEmpty ? "the configuration" : c.baseDirectory + "/" + Configuration.fileName)")
                } else {
                    submit(CheckInput(path: path, source: .file, discovered: false, configuration: c), argument: argument)
                }
            }
        }

        // The plain order: arguments in turn, a folder's files by path.
        let sequence = order.indices.sorted { order[$0].argument != order[$1].argument ? order[$0].argument < order[$1].argument : order[$0].path < order[$1].path }
        var reports: [FileReport] = []
        var all: [FileReport] = []
        var fixedOutput: [UInt8]?
        func take(_ outcome: CheckOutcome) {
            switch outcome {
            case .checked(let report, let problem):
                if let problem {
                    problems.append(problem.description)
                    failed = true
                }
                all.append(report)
                if let output = report.fixedOutput { fixedOutput = output }
                if report.unreported > 0 {
                    problems.append("\(report.path): \(report.unreported) more problems not reported (at most \(Linter.maximumFindings) a file)")
                }
                if quiet { reports.append(report.keeping { $0.severity == .error }) }
            case .skipped: break
            case .failed(let error):
                problems.append(error.description)
                failed = true
                notChecked += 1
            }
        }
        // One file named twice, or reached through a link as well, is checked (and fixed) once,
        // under the name it was first given.
        var seen: Set<FileIdentity> = []
        if let pipeline {
            let checked = pipeline.finish()
            for i in sequence {
                let (outcome, identity) = checked[i]
                if let identity, !seen.insert(identity).inserted { continue }
                take(outcome)
            }
        } else {
            inputs = sequence.map { inputs[$0] }
            inputs = inputs.filter { input in
                guard case .file = input.source, let identity = FileSystem.status(input.path)?.identity else { return true }
                return seen.insert(identity).inserted
            }
            for outcome in CheckRun.run(inputs, fix: fix, maximumFileSize: maxFileSize) { take(outcome) }
        }
        // Without --quiet the reports are every report (one array, not two).
        if !quiet { reports = all }
        reports.sort { $0.path < $1.path }
        // Counts, the exit status and --max-warnings see every finding, --quiet or not.
        let tally = Tally(all)

        func reporter(_ format: OutputFormat, color: Bool) -> Reporter {
            let text = TextReporter(color: color, tally: tally, notChecked: notChecked, unsafeFixes: unsafeFixes)
            switch format {
            case .text: return text
            case .full: return FullReporter(color: color, summary: text)
            case .json: return JSONReporter()
            case .sarif: return SARIFReporter()
            case .github: return GitHubReporter()
            case .gitlab: return GitLabReporter()
            case .junit: return JUnitReporter()
            }
        }
        var output: String
        if let outputPath {
            // The report goes to the file; the terminal (or the CI log) still gets the text.
            if let problem = ReportFile.write(reporter(format, color: false).render(reports), to: outputPath) {
                problems.append(problem)
                failed = true
            }
            output = reporter(.text, color: useColor).render(reports)
        } else {
            output = reporter(format, color: useColor).render(reports)
        }
        // With `--fix` on standard input, the fixed text goes to stdout and the report to stderr.
        if let fixedOutput {
            fixedOutput.withUnsafeBufferPointer { _ = Platform.write(1, $0) }
            Platform.write(2, output)
        } else {
            Platform.write(1, output)
        }
        for warning in warnings { Platform.write(2, "amolint: warning: \(Safe.terminal(warning))\n") }
        for problem in problems { Platform.write(2, "amolint: \(Safe.terminal(problem))\n") }

        if failed { return 2 }
        if tally.errors > 0 { return 1 }
        if let maxWarnings, tally.warnings > maxWarnings {
            Platform.write(2, "amolint: \(tally.warnings) warning\(tally.warnings == 1 ? "" : "s") exceed\(tally.warnings == 1 ? "s" : "") --max-warnings \(maxWarnings)\n")
            return 1
        }
        return 0
    }

    private var useColor: Bool { ColorChoice.wanted(color) }
}

extension FileReport {
    func keeping(_ include: (Diagnostic) -> Bool) -> FileReport {
        FileReport(path: path, lineIndex: lineIndex, diagnostics: diagnostics.filter(include), fixed: fixed, fixedOutput: fixedOutput,
                   unreported: unreported)
    }
}
