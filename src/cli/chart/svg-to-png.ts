/**
 * Rasterises a chart for people who paste it into a slide or a chat: resvg (a Rust SVG renderer
 * shipped as a prebuilt binary, no install script) renders the same SVG the `.svg` option writes,
 * at twice its size so it stays sharp. Text uses the system's fonts (DejaVu on Debian).
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  }).render();
  return png.asPng();
}
