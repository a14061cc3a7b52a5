import v8 from 'node:v8';
setTimeout(() => {
  const m = process.memoryUsage();
  const mb = (x) => Math.round(x / 1048576);
  console.error('MEM', JSON.stringify({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) }));
  for (const s of v8.getHeapSpaceStatistics()) console.error('MEM', s.space_name, mb(s.space_size), mb(s.space_used_size));
  const c = v8.getHeapCodeStatistics(); console.error('MEM code', mb(c.code_and_metadata_size), 'bytecode', mb(c.bytecode_and_metadata_size), 'ext script src', mb(c.external_script_source_size));
  process.exit(0);
}, 4000).unref?.();
