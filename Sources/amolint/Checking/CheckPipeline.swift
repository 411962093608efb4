#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLintIO
import Dispatch

/// Checks files while the folders are still being walked: the walk (and the
/// configuration lookup) runs on the calling thread, one worker a core checks
/// what it has found so far, each through its own reused read buffer. Without
/// `--fix` only: a fix must not race a second name of the same file.
final class CheckPipeline: @unchecked Sendable {
    private var inputs: [CheckInput] = []
    private var outcomes: [(CheckOutcome, FileIdentity?)] = []
    private var taken = 0
    private var closed = false
    private var mutex = pthread_mutex_t()
    private var added = pthread_cond_t()
    private let group = DispatchGroup()
    private let maximumFileSize: Int

    init(maximumFileSize: Int) {
        self.maximumFileSize = maximumFileSize
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&added, nil)
    }

    /// Workers start with the second input: one file (a pre-commit hook, an
    /// editor's save) is checked on the calling thread, with no thread to start.
    private var started = false

    private func startWorkers() {
        started = true
        let workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) { self.work() }
        }
    }

    deinit {
        pthread_cond_destroy(&added)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues an input; its outcome has the index returned (inputs count from 0).
    @discardableResult
    func add(_ input: CheckInput) -> Int {
        pthread_mutex_lock(&mutex)
        inputs.append(input)
        outcomes.append((.skipped, nil))
        let index = inputs.count - 1
        if !started, inputs.count > 1 { startWorkers() }
        pthread_cond_signal(&added)
        pthread_mutex_unlock(&mutex)
        return index
    }

    /// Waits for every input (the calling thread checks too once nothing is left
    /// to find) and returns the outcomes by index, with each file's identity.
    func finish() -> [(CheckOutcome, FileIdentity?)] {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&added)
        pthread_mutex_unlock(&mutex)
        work()
        group.wait()
        // Handed over, not kept: the report is built while this object still lives.
        let result = outcomes
        outcomes = []
        inputs = []
        return result
    }

    private func work() {
        let reader = FileReader()
        var batch: [(Int, CheckInput)] = []
        var done: [(Int, (CheckOutcome, FileIdentity?))] = []
        pthread_mutex_lock(&mutex)
        while true {
            for (i, outcome) in done { outcomes[i] = outcome }
            done.removeAll(keepingCapacity: true)
            while taken == inputs.count, !closed { pthread_cond_wait(&added, &mutex) }
            if taken == inputs.count { break }
            // A few at a time: fewer turns of the lock, and the work still spreads over the cores.
            let end = min(inputs.count, taken + 8)
            batch.removeAll(keepingCapacity: true)
            for i in taken..<end { batch.append((i, inputs[i])) }
            taken = end
            pthread_mutex_unlock(&mutex)
            for (i, input) in batch { done.append((i, CheckRun.check(input, reader: reader, maximumFileSize: maximumFileSize))) }
            pthread_mutex_lock(&mutex)
        }
        pthread_mutex_unlock(&mutex)
    }
}
