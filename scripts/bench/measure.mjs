// Run a command and measure it: wall time, peak memory, and a time stamp for every line it prints.
//
// Peak memory comes from two places, when both are available:
//   - `/usr/bin/time -v`: "Maximum resident set size", the peak RSS of the largest single process
//     in the tree (getrusage of the children, as the kernel reports it);
//   - polling /proc/<pid>/status (VmRSS) of the whole process tree every 100 ms: the peak of the
//     SUM over the tree (what the machine had to hold at once), to within the polling interval.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const TIME_BIN = '/usr/bin/time';
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/gu;

/** Kibibytes of VmRSS of one process, or 0 when it is gone. */
function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/mu.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pid and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid) {
  const all = [];
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop();
    all.push(p);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/u).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return all;
}

/**
 * Spawn `command args` (under /usr/bin/time -v when it exists), echo nothing, and return:
 * { status, ms, cpuMs (user + system, all processes: steadier than wall time on a busy machine), maxRssKb (largest process, from time -v), peakTreeRssKb (sum over the tree,
 * polled), lines: [{ t: ms since start, text }] } with colour codes removed. Every line also
 * goes to `logFile` with its time stamp, and to the console when `echo` is set.
 */
export function runMeasured(command, args, { cwd, env, logFile, echo = false, label = command }) {
  const useTime = existsSync(TIME_BIN);
  const timeOut = logFile ? `${logFile}.time` : undefined;
  if (timeOut) rmSync(timeOut, { force: true });
  const [cmd, argv] = useTime && timeOut ? [TIME_BIN, ['-v', '-o', timeOut, command, ...args]] : [command, args];
  const log = logFile ? createWriteStream(logFile) : undefined;
  const lines = [];
  const start = performance.now();

  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakTree = 0;
    const poll = () => {
      const sum = processTree(child.pid).reduce((total, pid) => total + rssKb(pid), 0);
      if (sum > peakTree) peakTree = sum;
    };
    const timer = setInterval(poll, 100);
    poll();

    const pending = { stdout: '', stderr: '' };
    const onData = (stream) => (chunk) => {
      const t = performance.now() - start;
      pending[stream] += chunk.toString('utf8');
      const parts = pending[stream].split(/\r?\n|\r/u);
      pending[stream] = parts.pop() ?? '';
      for (const raw of parts) addLine(t, raw);
    };
    const addLine = (t, raw) => {
      const text = raw.replace(ANSI, '');
      lines.push({ t, text });
      log?.write(`${(t / 1000).toFixed(3).padStart(9)}s ${text}\n`);
      if (echo) console.log(`   [${label} ${(t / 1000).toFixed(1)}s] ${text}`);
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      for (const stream of ['stdout', 'stderr']) if (pending[stream]) addLine(ms, pending[stream]);
      log?.end();
      let maxRssKb;
      let cpuMs;
      let exitStatus = code;
      if (timeOut && existsSync(timeOut)) {
        const report = readFileSync(timeOut, 'utf8');
        const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/u.exec(report);
        if (rss) maxRssKb = Number(rss[1]);
        const user = /User time \(seconds\):\s*([\d.]+)/u.exec(report);
        const system = /System time \(seconds\):\s*([\d.]+)/u.exec(report);
        if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
        const exit = /Exit status:\s*(\d+)/u.exec(report);
        if (exit) exitStatus = Number(exit[1]);
        if (/Command terminated by signal (\d+)/u.test(report)) exitStatus = exitStatus || 128;
      }
      // A process shorter than one polling interval may never be sampled: no figure rather than 0.
      resolve({
        status: signal ? 128 : exitStatus,
        signal,
        ms,
        cpuMs,
        maxRssKb,
        peakTreeRssKb: peakTree > 0 ? peakTree : undefined,
        lines,
      });
    });
  });
}

/** Where a file is, relative to the directory of this module. */
export const here = (file) => join(import.meta.dirname, file);
