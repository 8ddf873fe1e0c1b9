// The npm registry reachable here lacks some other-platform binaries at the newest versions
// (e.g. @pagefind/darwin-arm64@1.6.0), so npm leaves them out of package-lock.json and `npm ci`
// then refuses the lockfile ("Missing: … from lock file"). This adds an entry for each missing
// optional platform package, with its os/cpu/libc, so `npm ci` accepts the lockfile and skips
// them on this platform, as it would with a complete lockfile. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const tail = name.split('/').pop();
  const os = /darwin/.test(tail)
    ? 'darwin'
    : /win32|windows/.test(tail)
      ? 'win32'
      : /freebsd/.test(tail)
        ? 'freebsd'
        : /android/.test(tail)
          ? 'android'
          : /linux/.test(tail)
            ? 'linux'
            : undefined;
  const cpu = /arm64/.test(tail) ? 'arm64' : /x64/.test(tail) ? 'x64' : /wasm32/.test(tail) ? 'wasm32' : undefined;
  const libc = /musl/.test(tail) ? 'musl' : /gnu/.test(tail) ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[base] || packages[hoisted]) continue;
    packages[hoisted] = { version, optional: true, ...platformOf(dep) };
    added++;
    console.log(`added ${dep}@${version}`);
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} missing platform package(s) recorded in package-lock.json.`);
