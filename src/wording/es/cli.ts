export const cli = {
  'cli.demo.title': 'demostración de plenary — Sesión III, Conferencia de las Naciones Unidas sobre Ciberseguridad (Beijing, 2016), en un almacenamiento temporal',
  'cli.demo.audience': 'El público (50 personas, grupos declarados) reacciona: {lines, number} líneas; se muestran las 12 primeras.',
  'cli.demo.done': 'Terminado en {seconds, number, ::.0} s: {reactions, number} reacciones de {participants, number} participantes.',
  'cli.demo.bad-language': 'demo: --lang «{given}» debe ser ar, en, es, fr, ru o zh',
} as const;
