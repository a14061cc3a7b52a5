import v8 from 'node:v8';
import vm from 'node:vm';
const mb = (x) => Math.round(x / 1048576);
const show = (label) => { const m = process.memoryUsage(); const ns = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); console.error('MEM', label, JSON.stringify({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), newSpace: mb(ns.space_size) })); };
setTimeout(() => {
  show('idle');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  gc();
  setTimeout(() => { show('after gc'); gc({ type: 'major', execution: 'sync' }); setTimeout(() => { show('after 2nd'); process.exit(0); }, 500); }, 500);
}, 4000);
