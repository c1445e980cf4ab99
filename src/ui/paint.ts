/** After the next paint (rAF, then a task); a timer backs it up where frames are throttled. */
export function afterPaint(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    win.setTimeout(finish, 50);
  });
}
