/** One titled section of the printed agreement; starts on a new page. */
export function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section className="print-section" id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
