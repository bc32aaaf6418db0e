/** Vite's `?url` imports: the URL the build gives a file it copies as is (pdf.js's worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
